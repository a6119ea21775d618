/* libFuzzer target: the sprite sheet descriptor on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "sprite_sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_sprite_sheet *s = sk_sprite_sheet_parse_text((const char *)data, size, "fuzz.ini", &d);
    sk_sprite_sheet_free(s);
    sk_diag_free(&d);
    return 0;
}
