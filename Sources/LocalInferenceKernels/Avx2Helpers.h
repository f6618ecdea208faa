// Small AVX2/F16C helpers shared by the kernel files (x86-64 only; include after <immintrin.h>). Inlined into
// kernels of this level and of the levels above it (whose target features include these).
#ifndef LOCAL_INFERENCE_AVX2_HELPERS_H
#define LOCAL_INFERENCE_AVX2_HELPERS_H

#include <stdint.h>
#include <string.h>

#define LI_AVX2_INLINE static inline __attribute__((always_inline, target("avx2,fma,f16c")))

/// The sum of eight floats, added as ggml's hsum_float_8 adds them (high half + low half, then pairs, then the
/// last two).
LI_AVX2_INLINE float li_hsum8(__m256 x) {
    __m128 r = _mm_add_ps(_mm256_extractf128_ps(x, 1), _mm256_castps256_ps128(x));
    r = _mm_add_ps(r, _mm_movehl_ps(r, r));
    r = _mm_add_ss(r, _mm_movehdup_ps(r));
    return _mm_cvtss_f32(r);
}

/// The half-precision value stored at `p`.
LI_AVX2_INLINE float li_half(const uint8_t *p) {
    uint16_t h;
    memcpy(&h, p, 2);
    return _cvtsh_ss(h);
}

/// `x` rounded to half precision (ties to even) and back.
LI_AVX2_INLINE float li_halfRound(float x) { return _cvtsh_ss(_cvtss_sh(x, _MM_FROUND_TO_NEAREST_INT)); }

#endif
