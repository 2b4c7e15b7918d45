/* array.c: room in a growing array. */
#include "config.h"

#include "core/array.h"

#include <stdint.h>
#include <stdlib.h>

int
array_reserve(void **p, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap : 64;
	void *q;

	if (n < *cap)
		return 0;
	while (c <= n) {
		if (c > SIZE_MAX / 2)
			return -1;
		c *= 2;
	}
	if (size != 0 && c > SIZE_MAX / size)
		return -1;
	if ((q = realloc(*p, c * size)) == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}
