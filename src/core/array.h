/*
 * array.h: room in a growing array, the one helper the batch ops and the
 * report readers share (each had its own copy).
 */
#ifndef YIBAO_CORE_ARRAY_H
#define YIBAO_CORE_ARRAY_H

#include <stddef.h>

/*
 * Make room in *p (with *cap elements of `size` bytes) for element n:
 * doubles *cap (64 at first) when n reaches it.  0 ok; -1 out of memory
 * or a size that would overflow, *p and *cap unchanged.
 */
int array_reserve(void **p, size_t *cap, size_t n, size_t size);

#endif
