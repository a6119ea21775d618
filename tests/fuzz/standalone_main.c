/* Runs a fuzz target's entry point over files, without libFuzzer: the
 * normal (and ASan) builds use it to replay the seed corpus and every input
 * that once crashed (tests/fuzz/regressions/<target>/), as plain tests.
 *   fuzz_replay_<target> FILE_OR_DIR...  */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", path);
        return 1;
    }
    uint8_t *buf = malloc(1 << 22);
    size_t n = buf ? fread(buf, 1, 1 << 22, f) : 0;
    fclose(f);
    if (!buf) return 1;
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int files = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) continue;  /* an optional folder not there */
        if (!S_ISDIR(st.st_mode)) {
            bad += run_file(argv[i]);
            files++;
            continue;
        }
        DIR *d = opendir(argv[i]);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", argv[i], e->d_name);
            if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
                bad += run_file(p);
                files++;
            }
        }
        if (d) closedir(d);
    }
    /* Reaching here means no input crashed or tripped a sanitizer. */
    printf("%d passed, %d failed\n", files - bad, bad);
    return bad || files == 0 ? 1 : 0;
}
