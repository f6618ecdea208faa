// The 32-element block kernels and the activation quantiser, written once and compiled once per kernel level by
// the file that includes this one after defining:
//   LI_FEATURES  the target features, e.g. "avx2,fma,f16c"
//   LI_VNNI      1 to form the integer sums with vpdpbusd (AVX-512 VNNI on 256-bit vectors), else 0
//   LI_NAME(x)   the level's name for x (suffixed, so both copies link together)
// See LocalInferenceKernels.h for the contract and Avx2Kernels.c for the arithmetic; include Avx2Helpers.h first.
//
// Integer sums per lane are the same at both levels (lane k of a block sums elements 4k..4k+3, as ggml's
// vpmaddubsw + vpmaddwd pairing gives), so the float arithmetic that follows, and the results, are identical:
//   AVX2:  weights as unsigned bytes (signed ones through their absolute value, the activation taking their sign),
//          vpmaddubsw then vpmaddwd with ones.
//   VNNI:  activations stored as unsigned bytes y + 128 (`li_..._quantize_q8` with the flip), weights as signed
//          bytes; vpdpbusd(-128 * lane sums of the weights, y + 128, w) = sum of w * y, exactly. The correction is
//          formed once per weight block and shared by the activation rows of a tile.

#define LI_TARGET __attribute__((target(LI_FEATURES)))
#define LI_INLINE static inline __attribute__((always_inline, target(LI_FEATURES)))

/// 16 bytes of nibbles as 32 bytes: the low nibbles (elements 0..<16) then the high ones (16..<32).
LI_INLINE __m256i LI_NAME(nibbles)(const uint8_t *p) {
    const __m128i v = _mm_loadu_si128((const __m128i *)p);
    const __m256i both = _mm256_inserti128_si256(_mm256_castsi128_si256(v), _mm_srli_epi16(v, 4), 1);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0F));
}

/// 32 bits as 32 bytes: byte i is 0xFF where bit i is set, else 0.
LI_INLINE __m256i LI_NAME(bitBytes)(const uint8_t *p) {
    uint32_t h;
    memcpy(&h, p, 4);
    // Byte i takes byte i / 8 of `h` (each 128-bit half of the broadcast holds all four), then tests bit i % 8.
    const __m256i spread = _mm256_shuffle_epi8(
        _mm256_set1_epi32((int)h),
        _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                         2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3));
    const __m256i bits = _mm256_set1_epi64x((long long)0x8040201008040201ULL);
    return _mm256_cmpeq_epi8(_mm256_and_si256(spread, bits), bits);
}

enum { LI_NAME(bytesQ4_0) = 18, LI_NAME(bytesQ4_1) = 20, LI_NAME(bytesQ5_0) = 22, LI_NAME(bytesQ5_1) = 24,
       LI_NAME(bytesQ8_0) = 34 };

LI_INLINE int LI_NAME(blockBytes)(int type) {
    switch (type) {
    case LI_Q4_0: return LI_NAME(bytesQ4_0);
    case LI_Q4_1: return LI_NAME(bytesQ4_1);
    case LI_Q5_0: return LI_NAME(bytesQ5_0);
    case LI_Q5_1: return LI_NAME(bytesQ5_1);
    default: return LI_NAME(bytesQ8_0);
    }
}

LI_INLINE int LI_NAME(hasMinimum)(int type) { return type == LI_Q4_1 || type == LI_Q5_1; }

/// One unpacked weight block.
typedef struct {
    __m256i x;   // the 32 weights as bytes (0..31 for the types with a minimum, signed for the others)
    __m256i ax;  // AVX2, signed types: their absolute values; VNNI: -128 * their sums per 4 (the lane correction)
    float d;     // the block scale
    float m;     // the block minimum (Q4_1, Q5_1)
} LI_NAME(Block);

LI_INLINE LI_NAME(Block) LI_NAME(unpack)(int type, const uint8_t *b) {
    LI_NAME(Block) k;
    k.d = li_half(b);
    k.m = 0;
    switch (type) {
    case LI_Q4_0:
        k.x = _mm256_sub_epi8(LI_NAME(nibbles)(b + 2), _mm256_set1_epi8(8));
        break;
    case LI_Q4_1:
        k.m = li_half(b + 2);
        k.x = LI_NAME(nibbles)(b + 4);
        break;
    case LI_Q5_0:
        // (nibble | fifth bit << 4) - 16: the nibble itself where the bit is set, nibble - 16 (0xF0 | nibble as
        // a signed byte) where it is not.
        k.x = _mm256_or_si256(LI_NAME(nibbles)(b + 6),
                              _mm256_andnot_si256(LI_NAME(bitBytes)(b + 2), _mm256_set1_epi8((char)0xF0)));
        break;
    case LI_Q5_1:
        k.m = li_half(b + 2);
        k.x = _mm256_or_si256(LI_NAME(nibbles)(b + 8),
                              _mm256_and_si256(LI_NAME(bitBytes)(b + 4), _mm256_set1_epi8(0x10)));
        break;
    default:
        k.x = _mm256_loadu_si256((const __m256i *)(b + 2));
        break;
    }
#if LI_VNNI
    k.ax = _mm256_sub_epi32(_mm256_setzero_si256(),
                            _mm256_dpbusd_epi32(_mm256_setzero_si256(), _mm256_set1_epi8((char)0x80), k.x));
#else
    k.ax = LI_NAME(hasMinimum)(type) ? k.x : _mm256_sign_epi8(k.x, k.x);
#endif
    return k;
}

/// The eight lane sums of the block's products with activation bytes `y`, as floats.
LI_INLINE __m256 LI_NAME(dot)(int type, const LI_NAME(Block) *k, __m256i y) {
#if LI_VNNI
    (void)type;
    return _mm256_cvtepi32_ps(_mm256_dpbusd_epi32(k->ax, y, k->x));
#else
    const __m256i u = k->ax;
    const __m256i v = LI_NAME(hasMinimum)(type) ? y : _mm256_sign_epi8(y, k->x);
    return _mm256_cvtepi32_ps(_mm256_madd_epi16(_mm256_maddubs_epi16(u, v), _mm256_set1_epi16(1)));
#endif
}

/// One weight row against `n` (1...4) activation rows, `nb * 32` values apart; output i goes to
/// `out[i * out_stride]`. The weights of a block are unpacked once for the `n` rows; every output gets the same
/// arithmetic as alone.
LI_INLINE void LI_NAME(tile)(int type, int n, const uint8_t *w, long nb, const int8_t *qs, const float *d,
                             const float *s, float *out, long out_stride) {
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    float mins[4] = {0, 0, 0, 0};
    const int size = LI_NAME(blockBytes)(type);
    for (long b = 0; b < nb; b++) {
        const LI_NAME(Block) k = LI_NAME(unpack)(type, w + b * size);
        const __m256 kd = _mm256_set1_ps(k.d);
        for (int i = 0; i < n; i++) {
            const long blk = i * nb + b;
            const __m256i y = _mm256_loadu_si256((const __m256i *)(qs + 32 * blk));
            const __m256 p = LI_NAME(dot)(type, &k, y);
            // d_weight * d_activation in every lane (the same float product ggml forms in a scalar).
            acc[i] = _mm256_fmadd_ps(_mm256_mul_ps(kd, _mm256_broadcast_ss(d + blk)), p, acc[i]);
            if (LI_NAME(hasMinimum)(type)) mins[i] = fmaf(k.m, s[blk], mins[i]);
        }
    }
    for (int i = 0; i < n; i++) {
        const float sum = li_hsum8(acc[i]);
        out[i * out_stride] = LI_NAME(hasMinimum)(type) ? sum + mins[i] : sum;
    }
}

LI_INLINE void LI_NAME(rows)(int type, const uint8_t *w, size_t row_bytes, long row_begin, long row_end, long nb,
                             const int8_t *qs, const float *d, const float *s, long tokens, float *out,
                             long out_stride) {
    for (long r = row_begin; r < row_end; r++) {
        const uint8_t *wr = w + r * row_bytes;
        long t = 0;
        for (; t + 4 <= tokens; t += 4) {
            LI_NAME(tile)(type, 4, wr, nb, qs + t * nb * 32, d + t * nb, s + t * nb, out + t * out_stride + r,
                          out_stride);
        }
        const int8_t *q = qs + t * nb * 32;
        float *o = out + t * out_stride + r;
        switch (tokens - t) {
        case 3: LI_NAME(tile)(type, 3, wr, nb, q, d + t * nb, s + t * nb, o, out_stride); break;
        case 2: LI_NAME(tile)(type, 2, wr, nb, q, d + t * nb, s + t * nb, o, out_stride); break;
        case 1: LI_NAME(tile)(type, 1, wr, nb, q, d + t * nb, s + t * nb, o, out_stride); break;
        default: break;
        }
    }
}

#define LI_ROWS_FOR(TYPE)                                                                                        \
    LI_TARGET static void LI_NAME(rows_##TYPE)(const uint8_t *w, size_t rb, long b0, long b1, long nb,          \
                                               const int8_t *qs, const float *d, const float *s, long n,         \
                                               float *out, long os) {                                           \
        LI_NAME(rows)(LI_##TYPE, w, rb, b0, b1, nb, qs, d, s, n, out, os);                                      \
    }
LI_ROWS_FOR(Q4_0)
LI_ROWS_FOR(Q4_1)
LI_ROWS_FOR(Q5_0)
LI_ROWS_FOR(Q5_1)
LI_ROWS_FOR(Q8_0)
#undef LI_ROWS_FOR

static void LI_NAME(li_rows)(int type, const void *w, size_t row_bytes, long row_begin, long row_end, long nb,
                      const int8_t *qs, const float *d, const float *s, long tokens, float *out, long out_stride) {
    const uint8_t *p = (const uint8_t *)w;
    switch (type) {
    case LI_Q4_0: LI_NAME(rows_Q4_0)(p, row_bytes, row_begin, row_end, nb, qs, d, s, tokens, out, out_stride); break;
    case LI_Q4_1: LI_NAME(rows_Q4_1)(p, row_bytes, row_begin, row_end, nb, qs, d, s, tokens, out, out_stride); break;
    case LI_Q5_0: LI_NAME(rows_Q5_0)(p, row_bytes, row_begin, row_end, nb, qs, d, s, tokens, out, out_stride); break;
    case LI_Q5_1: LI_NAME(rows_Q5_1)(p, row_bytes, row_begin, row_end, nb, qs, d, s, tokens, out, out_stride); break;
    case LI_Q8_0: LI_NAME(rows_Q8_0)(p, row_bytes, row_begin, row_end, nb, qs, d, s, tokens, out, out_stride); break;
    default: break;
    }
}

#define LI_NEAREST (_MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)

LI_TARGET static void LI_NAME(li_quantize_q8)(const float *x, long tokens, long cols, int8_t *qs, float *d, float *s) {
    const long nb = cols / 32;
    const __m256 signBit = _mm256_set1_ps(-0.0f);
    for (long t = 0; t < tokens; t++) {
        for (long b = 0; b < nb; b++) {
            const float *src = x + t * cols + b * 32;
            __m256 v0 = _mm256_loadu_ps(src), v1 = _mm256_loadu_ps(src + 8);
            __m256 v2 = _mm256_loadu_ps(src + 16), v3 = _mm256_loadu_ps(src + 24);
            __m256 m = _mm256_max_ps(_mm256_max_ps(_mm256_andnot_ps(signBit, v0), _mm256_andnot_ps(signBit, v1)),
                                     _mm256_max_ps(_mm256_andnot_ps(signBit, v2), _mm256_andnot_ps(signBit, v3)));
            __m128 m4 = _mm_max_ps(_mm256_extractf128_ps(m, 1), _mm256_castps256_ps128(m));
            m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
            m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
            const float amax = _mm_cvtss_f32(m4);
            const float scale = amax / 127.f;
            const __m256 inv = _mm256_set1_ps(amax != 0.0f ? 127.f / amax : 0.0f);
            const __m256i i0 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(v0, inv), LI_NEAREST));
            const __m256i i1 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(v1, inv), LI_NEAREST));
            const __m256i i2 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(v2, inv), LI_NEAREST));
            const __m256i i3 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(v3, inv), LI_NEAREST));
            // The sum of the 32 values, exact in 32 bits.
            __m256i sum = _mm256_add_epi32(_mm256_add_epi32(i0, i1), _mm256_add_epi32(i2, i3));
            __m128i s4 = _mm_add_epi32(_mm256_extracti128_si256(sum, 1), _mm256_castsi256_si128(sum));
            s4 = _mm_add_epi32(s4, _mm_unpackhi_epi64(s4, s4));
            s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 1));
            const int total = _mm_cvtsi128_si32(s4);
            // Pack to bytes: the two packs interleave 128-bit halves, a final permute restores the order.
            const __m256i w01 = _mm256_packs_epi32(i0, i1), w23 = _mm256_packs_epi32(i2, i3);
            __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_packs_epi16(w01, w23),
                                                        _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
#if LI_VNNI
            bytes = _mm256_xor_si256(bytes, _mm256_set1_epi8((char)0x80));  // y + 128, as unsigned bytes
#endif
            _mm256_storeu_si256((__m256i *)(qs + t * cols + b * 32), bytes);
            d[t * nb + b] = li_halfRound(scale);
            s[t * nb + b] = li_halfRound(scale * (float)total);
        }
    }
}

#undef LI_NEAREST
#undef LI_TARGET
#undef LI_INLINE
