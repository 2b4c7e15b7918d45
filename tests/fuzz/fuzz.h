/*
 * fuzz.h: what every fuzz target defines (libFuzzer's entry point).  The
 * same file is linked with libFuzzer by `make fuzz` (tests/fuzz/fuzz.sh)
 * and with driver.c by `make check`, which replays the kept corpus and
 * crash reproducers, so a fixed crash stays fixed without clang.
 *
 * A target returns 0, and calls abort() when an invariant of the code
 * under test breaks (a differential check, not only a crash).
 */
#ifndef YIBAO_FUZZ_H
#define YIBAO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a message naming the broken invariant (a finding). */
#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) \
		fuzz_fail(__FILE__, __LINE__, #cond); \
} while (0)

void fuzz_fail(const char *file, int line, const char *what)
    __attribute__((noreturn));

/* The input as a NUL-terminated string (malloc'd; NUL bytes kept inside). */
char *fuzz_string(const uint8_t *data, size_t size);

#endif
