/* libFuzzer target: the replay-script parser on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_replay r;
    if (sk_replay_parse((const char *)data, size, "fuzz.txt", &r, &d)) sk_replay_free(&r);
    sk_diag_free(&d);
    return 0;
}
