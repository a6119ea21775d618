/* libFuzzer target: the PNG decoder on arbitrary bytes, with limits small
 * enough that a fuzzer-made header cannot ask for gigabytes. */
#include <stddef.h>
#include <stdint.h>

#include "image_png.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sk_png_limits lim = {.max_width = 2048, .max_height = 2048, .max_pixels = 1u << 22};
    sk_image img;
    char err[SK_PNG_ERR_SIZE];
    if (sk_png_decode_mem(data, size, "fuzz.png", &lim, &img, err, sizeof err))
        sk_image_free(&img);
    return 0;
}
