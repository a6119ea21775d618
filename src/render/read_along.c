/* Long text read along the voice: a caption or a step too long for its
 * box at the floor is shown in pieces of whole lines, one after the other
 * while the voice reads them (as subtitles are). */
#include "scene_parts.h"

int sk_sc_split_lines(int lines, int per, int max, int *first)
{
    if (lines < 1) lines = 1;
    if (per < 1) per = 1;
    if (max < 1) max = 1;
    int n = (lines + per - 1) / per;
    if (n > max) n = max;
    /* Balanced, the fuller pieces first: 7 lines at 3 a piece are 3, 2, 2,
     * never 3, 3, 1; and the last never a lone line after a fuller one: 3
     * lines at 2 are 1, 2 (a lone last word reads as a mistake). */
    for (int k = 0; k <= n; k++) first[k] = (k * lines + n - 1) / n;
    if (n >= 2 && first[n] - first[n - 1] == 1 && first[n - 1] - first[n - 2] >= 2) first[n - 1]--;
    return n;
}

int sk_sc_piece_at(const int *start, int n, int total, int64_t since, int64_t span, int64_t *next_ms)
{
    *next_ms = -1;
    if (n < 1) return 0;
    if (total < 1) total = 1;
    int64_t reading = (int64_t)total * READ_MS_PER_CHAR;
    if (span > 0 && span < reading) reading = span;
    int k = 0;
    while (k + 1 < n && reading * start[k + 1] / total <= since) k++;
    if (k + 1 < n) *next_ms = reading * start[k + 1] / total - since;
    return k;
}
