/*
 * The machine's peak float32 multiply-add rate, measured (issue #13): a tight loop of fused
 * multiply-adds on 12 independent vector accumulators (GCC vector extensions; -march=native picks
 * the widest SIMD the CPU has, and -mfma the fused instruction), on every core at once.
 * Prints "<threads> <GFLOP/s>" for 1 thread and for `argv[1]` threads. bench/peak.mjs builds and runs it.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef float v16 __attribute__((vector_size(64)));
#define ACC 12
#define ITERS 200000000L

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *run(void *out) {
  v16 acc[ACC];
  v16 a, b;
  for (int i = 0; i < 16; i++) { a[i] = 0.999999f; b[i] = 1e-7f; }
  for (int j = 0; j < ACC; j++) for (int i = 0; i < 16; i++) acc[j][i] = (float)(j + i);
  for (long n = 0; n < ITERS; n++) {
    for (int j = 0; j < ACC; j++) acc[j] = acc[j] * a + b;
    __asm__ volatile("" : "+x"(a));
  }
  float sum = 0;
  for (int j = 0; j < ACC; j++) for (int i = 0; i < 16; i++) sum += acc[j][i];
  *(float *)out = sum;
  return NULL;
}

static double gflops(int threads) {
  pthread_t t[64];
  float out[64];
  double start = seconds();
  for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, run, &out[i]);
  for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
  double s = seconds() - start;
  if (out[0] == 12345.0f) puts("");
  return 2.0 * 16 * ACC * ITERS * threads / s / 1e9;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  if (threads < 1 || threads > 64) threads = 1;
  gflops(1); /* warm the clocks */
  printf("1 %.1f\n", gflops(1));
  printf("%d %.1f\n", threads, gflops(threads));
  return 0;
}
