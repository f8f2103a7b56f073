;; The two matrix products of the plain-JS engine path (src/engine/jsAttention.ts) in 128-bit
;; WebAssembly SIMD with float64 lanes (f64x2): scores = Q·Kᵀ and output = weights·V.
;; The arithmetic is float64, as in the JS loops; only the results are rounded to float32 (on store).
;;
;; Source of truth. After editing, regenerate src/engine/wasm/attentionKernelsBytes.ts with
;;   node scripts/build-wasm.mjs
;; (tests/unit/wasmBytes.test.ts fails when the committed bytes differ from this file's).
;;
;; Memory layout: the caller (src/engine/wasm/attentionKernels.ts) places every array in the
;; exported memory and passes byte offsets. Arrays are row-major and unpadded; rows need no
;; alignment (v128 loads and stores accept any address):
;;   Q        float64 [rows × dK]   query vectors (dK contiguous)
;;   K        float64 [Lk × dK]     key vectors
;;   V        float64 [Lk × dV]     value vectors
;;   scores   float32 [rows × Lk]   written by $scores
;;   weights  float32 [rows × Lk]   read by $weightedSum
;;   output   float32 [rows × dV]   written by $weightedSum
;; Counts (rows, Lk, dK, dV) are ≥ 1; offsets and row strides are in bytes.
;;
;; A dot product over d keeps two partial sums in the lanes of an f64x2 (lane 0: even d, lane 1:
;; odd d) and adds them at the end; an odd last d is loaded with v128.load64_zero (lane 1 = 0).
(module
  (memory (export "memory") 1)

  ;; ---------------------------------------------------------------- scores = Q·Kᵀ

  ;; scores[r, j] = Σ_d Q[r, d] · K[j, d] for r < rows, j < Lk.
  ;; $q: Q [rows × dK] f64; $k: K [Lk × dK] f64; $out: scores [rows × Lk] f32 (byte offsets).
  ;; Two query rows at a time; an odd last row runs as a pair of itself (same values written twice).
  (func (export "scores")
    (param $q i32) (param $k i32) (param $out i32) (param $rows i32) (param $Lk i32) (param $dK i32)
    (local $qRow i32) (local $outRow i32) (local $r i32)
    (local.set $qRow (i32.shl (local.get $dK) (i32.const 3)))
    (local.set $outRow (i32.shl (local.get $Lk) (i32.const 2)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $r) (i32.const 2)) (local.get $rows)))
        (call $scorePair
          (local.get $q) (i32.add (local.get $q) (local.get $qRow)) (local.get $k)
          (local.get $out) (i32.add (local.get $out) (local.get $outRow)) (local.get $Lk) (local.get $dK))
        (local.set $q (i32.add (local.get $q) (i32.shl (local.get $qRow) (i32.const 1))))
        (local.set $out (i32.add (local.get $out) (i32.shl (local.get $outRow) (i32.const 1))))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_u (local.get $r) (local.get $rows))
      (then
        (call $scorePair
          (local.get $q) (local.get $q) (local.get $k)
          (local.get $out) (local.get $out) (local.get $Lk) (local.get $dK)))))

  ;; Scores of two query rows ($q0, $q1: f64 [dK]) against every key ($k: K [Lk × dK]) into
  ;; $out0, $out1 (f32 [Lk]): four keys at a time (register blocking: each query pair loaded
  ;; serves four keys, each key pair two queries), then one key at a time for the Lk mod 4 tail.
  (func $scorePair
    (param $q0 i32) (param $q1 i32) (param $k i32) (param $out0 i32) (param $out1 i32) (param $Lk i32) (param $dK i32)
    (local $kRow i32) (local $end4 i32) (local $end i32)
    (local.set $kRow (i32.shl (local.get $dK) (i32.const 3)))
    (local.set $end4 (i32.add (local.get $k) (i32.mul (i32.and (local.get $Lk) (i32.const -4)) (local.get $kRow))))
    (local.set $end (i32.add (local.get $k) (i32.mul (local.get $Lk) (local.get $kRow))))
    (block $quadsDone
      (loop $quads
        (br_if $quadsDone (i32.ge_u (local.get $k) (local.get $end4)))
        (call $block2x4 (local.get $q0) (local.get $q1) (local.get $k) (local.get $kRow)
          (local.get $out0) (local.get $out1) (local.get $dK))
        (local.set $k (i32.add (local.get $k) (i32.shl (local.get $kRow) (i32.const 2))))
        (local.set $out0 (i32.add (local.get $out0) (i32.const 16)))
        (local.set $out1 (i32.add (local.get $out1) (i32.const 16)))
        (br $quads)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $k) (local.get $end)))
        (call $block2x1 (local.get $q0) (local.get $q1) (local.get $k)
          (local.get $out0) (local.get $out1) (local.get $dK))
        (local.set $k (i32.add (local.get $k) (local.get $kRow)))
        (local.set $out0 (i32.add (local.get $out0) (i32.const 4)))
        (local.set $out1 (i32.add (local.get $out1) (i32.const 4)))
        (br $tail))))

  ;; 2 queries × 4 keys: $q0, $q1 f64 [dK]; keys at $k + n·$kRow (n = 0..3), f64 [dK];
  ;; scores stored at $out0 + 4n and $out1 + 4n (f32). Accumulators $sRN: query R, key N.
  (func $block2x4
    (param $q0 i32) (param $q1 i32) (param $k i32) (param $kRow i32) (param $out0 i32) (param $out1 i32) (param $dK i32)
    (local $k1 i32) (local $k2 i32) (local $k3 i32) (local $at i32) (local $pairsEnd i32)
    (local $x v128) (local $y v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local.set $k1 (i32.add (local.get $k) (local.get $kRow)))
    (local.set $k2 (i32.add (local.get $k1) (local.get $kRow)))
    (local.set $k3 (i32.add (local.get $k2) (local.get $kRow)))
    ;; bytes of the even part of d: (dK rounded down to even) × 8
    (local.set $pairsEnd (i32.shl (i32.and (local.get $dK) (i32.const -2)) (i32.const 3)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $pairsEnd)))
        (local.set $x (v128.load (i32.add (local.get $q0) (local.get $at))))
        (local.set $y (v128.load (i32.add (local.get $q1) (local.get $at))))
        (local.set $c0 (v128.load (i32.add (local.get $k) (local.get $at))))
        (local.set $c1 (v128.load (i32.add (local.get $k1) (local.get $at))))
        (local.set $c2 (v128.load (i32.add (local.get $k2) (local.get $at))))
        (local.set $c3 (v128.load (i32.add (local.get $k3) (local.get $at))))
        (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x) (local.get $c0))))
        (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x) (local.get $c1))))
        (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $x) (local.get $c2))))
        (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $x) (local.get $c3))))
        (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $y) (local.get $c0))))
        (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $y) (local.get $c1))))
        (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $y) (local.get $c2))))
        (local.set $s13 (f64x2.add (local.get $s13) (f64x2.mul (local.get $y) (local.get $c3))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    ;; odd dK: the last d in lane 0 (lane 1 loads as 0 and adds 0)
    (if (i32.and (local.get $dK) (i32.const 1))
      (then
        (local.set $x (v128.load64_zero (i32.add (local.get $q0) (local.get $at))))
        (local.set $y (v128.load64_zero (i32.add (local.get $q1) (local.get $at))))
        (local.set $c0 (v128.load64_zero (i32.add (local.get $k) (local.get $at))))
        (local.set $c1 (v128.load64_zero (i32.add (local.get $k1) (local.get $at))))
        (local.set $c2 (v128.load64_zero (i32.add (local.get $k2) (local.get $at))))
        (local.set $c3 (v128.load64_zero (i32.add (local.get $k3) (local.get $at))))
        (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x) (local.get $c0))))
        (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x) (local.get $c1))))
        (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $x) (local.get $c2))))
        (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $x) (local.get $c3))))
        (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $y) (local.get $c0))))
        (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $y) (local.get $c1))))
        (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $y) (local.get $c2))))
        (local.set $s13 (f64x2.add (local.get $s13) (f64x2.mul (local.get $y) (local.get $c3))))))
    (call $storeScore (local.get $out0) (local.get $s00))
    (call $storeScore (i32.add (local.get $out0) (i32.const 4)) (local.get $s01))
    (call $storeScore (i32.add (local.get $out0) (i32.const 8)) (local.get $s02))
    (call $storeScore (i32.add (local.get $out0) (i32.const 12)) (local.get $s03))
    (call $storeScore (local.get $out1) (local.get $s10))
    (call $storeScore (i32.add (local.get $out1) (i32.const 4)) (local.get $s11))
    (call $storeScore (i32.add (local.get $out1) (i32.const 8)) (local.get $s12))
    (call $storeScore (i32.add (local.get $out1) (i32.const 12)) (local.get $s13)))

  ;; 2 queries × 1 key: $q0, $q1, $k f64 [dK]; scores stored at $out0 and $out1 (f32).
  (func $block2x1
    (param $q0 i32) (param $q1 i32) (param $k i32) (param $out0 i32) (param $out1 i32) (param $dK i32)
    (local $at i32) (local $pairsEnd i32) (local $c v128) (local $s0 v128) (local $s1 v128)
    (local.set $pairsEnd (i32.shl (i32.and (local.get $dK) (i32.const -2)) (i32.const 3)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $pairsEnd)))
        (local.set $c (v128.load (i32.add (local.get $k) (local.get $at))))
        (local.set $s0 (f64x2.add (local.get $s0)
          (f64x2.mul (v128.load (i32.add (local.get $q0) (local.get $at))) (local.get $c))))
        (local.set $s1 (f64x2.add (local.get $s1)
          (f64x2.mul (v128.load (i32.add (local.get $q1) (local.get $at))) (local.get $c))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $dK) (i32.const 1))
      (then
        (local.set $c (v128.load64_zero (i32.add (local.get $k) (local.get $at))))
        (local.set $s0 (f64x2.add (local.get $s0)
          (f64x2.mul (v128.load64_zero (i32.add (local.get $q0) (local.get $at))) (local.get $c))))
        (local.set $s1 (f64x2.add (local.get $s1)
          (f64x2.mul (v128.load64_zero (i32.add (local.get $q1) (local.get $at))) (local.get $c))))))
    (call $storeScore (local.get $out0) (local.get $s0))
    (call $storeScore (local.get $out1) (local.get $s1)))

  ;; Stores lane 0 + lane 1 of $sum at $at as float32.
  (func $storeScore (param $at i32) (param $sum v128)
    (f32.store (local.get $at)
      (f32.demote_f64 (f64.add (f64x2.extract_lane 0 (local.get $sum)) (f64x2.extract_lane 1 (local.get $sum))))))

  ;; ---------------------------------------------------------------- output = weights·V

  ;; output[r, c] = Σ_j weights[r, j] · V[j, c] for r < rows, c < dV, over the keys j whose
  ;; weight is not 0 (a causal mask zeroes about half), in key order: the same float64 sums as
  ;; the JS loop, so the float32 results are the same.
  ;; $w: weights [rows × Lk] f32; $v: V [Lk × dV] f64; $out: output [rows × dV] f32 (byte offsets).
  (func (export "weightedSum")
    (param $w i32) (param $v i32) (param $out i32) (param $rows i32) (param $Lk i32) (param $dV i32)
    (local $r i32)
    (block $rowsDone
      (loop $eachRow
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (call $sumRow (local.get $w) (local.get $v) (local.get $out) (local.get $Lk) (local.get $dV))
        (local.set $w (i32.add (local.get $w) (i32.shl (local.get $Lk) (i32.const 2))))
        (local.set $out (i32.add (local.get $out) (i32.shl (local.get $dV) (i32.const 2))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $eachRow))))

  ;; One output row ($out: f32 [dV]) from one weights row ($w: f32 [Lk]): over the keys from the
  ;; first to the last non-zero weight only (a causal or windowed row skips its zero runs once,
  ;; not once per tile), columns of V in tiles of 8 (four f64x2 accumulators held over those
  ;; keys), then of 2, then an odd last column.
  (func $sumRow (param $w i32) (param $v i32) (param $out i32) (param $Lk i32) (param $dV i32)
    (local $vRow i32) (local $c i32) (local $first i32) (local $keys i32)
    (local.set $vRow (i32.shl (local.get $dV) (i32.const 3)))
    ;; keys [first, end): end = 0 when every weight is 0, and then first = 0 (the tiles store 0s)
    (local.set $keys (call $endNonZero (local.get $w) (local.get $Lk)))
    (local.set $first (call $firstNonZero (local.get $w) (local.get $keys)))
    (local.set $keys (i32.sub (local.get $keys) (local.get $first)))
    (local.set $w (i32.add (local.get $w) (i32.shl (local.get $first) (i32.const 2))))
    (local.set $v (i32.add (local.get $v) (i32.mul (local.get $first) (local.get $vRow))))
    (block $eightsDone
      (loop $eights
        (br_if $eightsDone (i32.gt_u (i32.add (local.get $c) (i32.const 8)) (local.get $dV)))
        (call $sumTile8 (local.get $w) (i32.add (local.get $v) (i32.shl (local.get $c) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2))) (local.get $keys) (local.get $vRow))
        (local.set $c (i32.add (local.get $c) (i32.const 8)))
        (br $eights)))
    (block $twosDone
      (loop $twos
        (br_if $twosDone (i32.gt_u (i32.add (local.get $c) (i32.const 2)) (local.get $dV)))
        (call $sumTile2 (local.get $w) (i32.add (local.get $v) (i32.shl (local.get $c) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2))) (local.get $keys) (local.get $vRow))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $twos)))
    (if (i32.lt_u (local.get $c) (local.get $dV))
      (then
        (call $sumTile1 (local.get $w) (i32.add (local.get $v) (i32.shl (local.get $c) (i32.const 3)))
          (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2))) (local.get $keys) (local.get $vRow)))))

  ;; The index of the first non-zero weight of $w (f32 [Lk]), or Lk when all are 0.
  (func $firstNonZero (param $w i32) (param $Lk i32) (result i32)
    (local $j i32)
    (block $found
      (loop $scan
        (br_if $found (i32.ge_u (local.get $j) (local.get $Lk)))
        (br_if $found (f32.ne (f32.load (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2)))) (f32.const 0)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $scan)))
    (local.get $j))

  ;; One past the index of the last non-zero weight of $w (f32 [Lk]), or 0 when all are 0.
  (func $endNonZero (param $w i32) (param $Lk i32) (result i32)
    (local $j i32)
    (local.set $j (local.get $Lk))
    (block $found
      (loop $scan
        (br_if $found (i32.eqz (local.get $j)))
        (br_if $found (f32.ne
          (f32.load (i32.add (local.get $w) (i32.shl (i32.sub (local.get $j) (i32.const 1)) (i32.const 2))))
          (f32.const 0)))
        (local.set $j (i32.sub (local.get $j) (i32.const 1)))
        (br $scan)))
    (local.get $j))

  ;; 8 output columns: $w f32 [Lk]; $v the tile's first column of V (f64, rows $vRow bytes apart);
  ;; $out f32 [8].
  (func $sumTile8 (param $w i32) (param $v i32) (param $out i32) (param $Lk i32) (param $vRow i32)
    (local $end i32) (local $weight f32) (local $s v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $Lk) (i32.const 2))))
    (block $keysDone
      (loop $keys
        (br_if $keysDone (i32.ge_u (local.get $w) (local.get $end)))
        (local.set $weight (f32.load (local.get $w)))
        (if (f32.ne (local.get $weight) (f32.const 0))
          (then
            (local.set $s (f64x2.splat (f64.promote_f32 (local.get $weight))))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $s) (v128.load offset=0 (local.get $v)))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $v)))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $s) (v128.load offset=32 (local.get $v)))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $s) (v128.load offset=48 (local.get $v)))))))
        (local.set $w (i32.add (local.get $w) (i32.const 4)))
        (local.set $v (i32.add (local.get $v) (local.get $vRow)))
        (br $keys)))
    (v128.store offset=0 (local.get $out) (call $demote4 (local.get $a0) (local.get $a1)))
    (v128.store offset=16 (local.get $out) (call $demote4 (local.get $a2) (local.get $a3))))

  ;; 2 output columns (as $sumTile8); $out f32 [2].
  (func $sumTile2 (param $w i32) (param $v i32) (param $out i32) (param $Lk i32) (param $vRow i32)
    (local $end i32) (local $weight f32) (local $a v128)
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $Lk) (i32.const 2))))
    (block $keysDone
      (loop $keys
        (br_if $keysDone (i32.ge_u (local.get $w) (local.get $end)))
        (local.set $weight (f32.load (local.get $w)))
        (if (f32.ne (local.get $weight) (f32.const 0))
          (then
            (local.set $a (f64x2.add (local.get $a)
              (f64x2.mul (f64x2.splat (f64.promote_f32 (local.get $weight))) (v128.load (local.get $v)))))))
        (local.set $w (i32.add (local.get $w) (i32.const 4)))
        (local.set $v (i32.add (local.get $v) (local.get $vRow)))
        (br $keys)))
    (v128.store64_lane 0 (local.get $out) (f32x4.demote_f64x2_zero (local.get $a))))

  ;; 1 output column (the odd last one, in lane 0); $out f32 [1].
  (func $sumTile1 (param $w i32) (param $v i32) (param $out i32) (param $Lk i32) (param $vRow i32)
    (local $end i32) (local $weight f32) (local $a v128)
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $Lk) (i32.const 2))))
    (block $keysDone
      (loop $keys
        (br_if $keysDone (i32.ge_u (local.get $w) (local.get $end)))
        (local.set $weight (f32.load (local.get $w)))
        (if (f32.ne (local.get $weight) (f32.const 0))
          (then
            (local.set $a (f64x2.add (local.get $a)
              (f64x2.mul (f64x2.splat (f64.promote_f32 (local.get $weight))) (v128.load64_zero (local.get $v)))))))
        (local.set $w (i32.add (local.get $w) (i32.const 4)))
        (local.set $v (i32.add (local.get $v) (local.get $vRow)))
        (br $keys)))
    (f32.store (local.get $out) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $a)))))

  ;; Four float32 lanes from two f64x2: [a.0, a.1, b.0, b.1].
  (func $demote4 (param $a v128) (param $b v128) (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
      (f32x4.demote_f64x2_zero (local.get $a)) (f32x4.demote_f64x2_zero (local.get $b))))
)
