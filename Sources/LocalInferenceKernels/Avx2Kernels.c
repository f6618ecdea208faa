// The kernels of the AVX2 level (AVX2, FMA, F16C) and the CPU's level. See LocalInferenceKernels.h and
// BlockKernels.h.
//
// The arithmetic is the one of ggml's x86 AVX2 kernels, so that results match llama.cpp's to the last bit (the
// integer sums are exact on both sides): per block, the 32 weights as bytes (nibbles unpacked, fifth bits merged,
// Q4_0/Q5_0 offsets applied), multiplied by the activation bytes with `vpmaddubsw` (unsigned x signed; signed
// weights go through their absolute value with the activation's sign flipped), pairs summed into eight 32-bit
// lanes with `vpmaddwd`, converted to float and accumulated with one fused multiply-add by
// `d_weight * d_activation`; the types with a minimum add `m * s` per block in a scalar (fused). The eight lanes
// are summed at the end in ggml's order.
#include "LocalInferenceKernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "Avx2Helpers.h"

int li_cpu_level(void) {
    __builtin_cpu_init();
    if (!(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c"))) {
        return 0;
    }
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vnni")) {
        return 2;
    }
    return 1;
}

#define LI_FEATURES "avx2,fma,f16c"
#define LI_VNNI 0
#define LI_NAME(x) x##_avx2
#include "BlockKernels.h"
#undef LI_FEATURES
#undef LI_VNNI
#undef LI_NAME

int li_block_kernels_support(int type) {
    return type == LI_Q4_0 || type == LI_Q4_1 || type == LI_Q5_0 || type == LI_Q5_1 || type == LI_Q8_0;
}

void li_avx2_rows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                  const int8_t *qs, const float *d, const float *s, long tokens, float *out, long out_stride) {
    li_rows_avx2(type, w, row_bytes, row_begin, row_end, nb, qs, d, s, tokens, out, out_stride);
}

void li_avx2_quantize_q8(const float *x, long tokens, long cols, int8_t *qs, float *d, float *s) {
    li_quantize_q8_avx2(x, tokens, cols, qs, d, s);
}

#else

int li_cpu_level(void) { return 0; }
int li_block_kernels_support(int type) { (void)type; return 0; }
void li_avx2_rows(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                  const int8_t *qs, const float *d, const float *s, long tokens, float *out, long out_stride) {
    (void)type; (void)w; (void)row_bytes; (void)row_begin; (void)row_end; (void)nb; (void)qs; (void)d; (void)s;
    (void)tokens; (void)out; (void)out_stride;
}
void li_avx2_quantize_q8(const float *x, long tokens, long cols, int8_t *qs, float *d, float *s) {
    (void)x; (void)tokens; (void)cols; (void)qs; (void)d; (void)s;
}

#endif
