# shellcheck shell=bash
# Word error counting shared by the voice measurement scripts (sourced).
# sk_norm: lower case, letters and digits only, single spaces (the
# recogniser writes ASCII; the English captions are ASCII once quotes go).
# shellcheck disable=SC2018,SC2019
sk_norm() { tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//'; }

# Word-level Levenshtein distance between two lines: prints "errors words".
sk_wer_counts() {
    awk -v ref="$1" -v hyp="$2" 'BEGIN {
        n = split(ref, r, " "); m = split(hyp, h, " ");
        for (j = 0; j <= m; j++) d[0, j] = j;
        for (i = 1; i <= n; i++) {
            d[i, 0] = i;
            for (j = 1; j <= m; j++) {
                c = d[i-1, j-1] + (r[i] != h[j]);
                if (d[i-1, j] + 1 < c) c = d[i-1, j] + 1;
                if (d[i, j-1] + 1 < c) c = d[i, j-1] + 1;
                d[i, j] = c;
            }
        }
        print d[n, m], n }'
}
