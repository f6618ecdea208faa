// The kernels of the AVX-512 VNNI level: the AVX2 level's, with the integer sums formed by `vpdpbusd` on 256-bit
// vectors (AVX-512 VL), one instruction where AVX2 needs three. Same lanes, same float arithmetic, same results.
// See BlockKernels.h.
#include "LocalInferenceKernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "Avx2Helpers.h"

#define LI_FEATURES "avx2,fma,f16c,avx512f,avx512vl,avx512bw,avx512vnni"
#define LI_VNNI 1
#define LI_NAME(x) x##_vnni
#include "BlockKernels.h"
#undef LI_FEATURES
#undef LI_VNNI
#undef LI_NAME

void li_vnni_rows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                  const int8_t *qs, const float *d, const float *s, long tokens, float *out, long out_stride) {
    li_rows_vnni(type, w, row_bytes, row_begin, row_end, nb, qs, d, s, tokens, out, out_stride);
}

void li_vnni_quantize_q8(const float *x, long tokens, long cols, int8_t *qs, float *d, float *s) {
    li_quantize_q8_vnni(x, tokens, cols, qs, d, s);
}

#else

void li_vnni_rows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                  const int8_t *qs, const float *d, const float *s, long tokens, float *out, long out_stride) {
    (void)type; (void)w; (void)row_bytes; (void)row_begin; (void)row_end; (void)nb; (void)qs; (void)d; (void)s;
    (void)tokens; (void)out; (void)out_stride;
}
void li_vnni_quantize_q8(const float *x, long tokens, long cols, int8_t *qs, float *d, float *s) {
    (void)x; (void)tokens; (void)cols; (void)qs; (void)d; (void)s;
}

#endif
