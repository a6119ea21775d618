/* libFuzzer target: the kiosk config loader on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_config cfg;
    sk_config_load_text((const char *)data, size, "fuzz.ini", &cfg, &d);
    sk_config_free(&cfg);
    sk_diag_free(&d);
    return 0;
}
