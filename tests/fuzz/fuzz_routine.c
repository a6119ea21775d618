/* libFuzzer target: the routine loader and validator on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "routine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_routine *r = sk_routine_load_text((const char *)data, size, "fuzz.ini", NULL, &d);
    sk_routine_free(r);
    sk_diag_free(&d);
    return 0;
}
