/*
 * driver.c: a main() for the fuzz targets without libFuzzer.  Feeds every
 * file named (or every file of every folder named, in name order) to
 * LLVMFuzzerTestOneInput once, in a buffer of exactly its size so the
 * sanitizers see a read past its end.  A folder that does not exist is
 * skipped (a target may have no crash reproducers yet).
 *
 *   tests/fuzz/csv-run tests/fuzz/csv/corpus tests/fuzz/csv/crashes
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL, *p;
	size_t len = 0, cap = 0, n;

	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 4096;
			if ((p = realloc(buf, cap)) == NULL)
				abort();
			buf = p;
		}
		if ((n = fread(buf + len, 1, cap - len, f)) == 0)
			break;
		len += n;
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	/* Exactly len bytes, so reading one more is caught. */
	p = malloc(len ? len : 1);
	if (p == NULL)
		abort();
	if (len)
		memcpy(p, buf, len);
	free(buf);
	printf("%s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput(p, len);
	free(p);
	return 0;
}

static int
skip_name(const struct dirent *e)
{
	return e->d_name[0] != '.';	/* ., .., .gitignore */
}

int
main(int argc, char **argv)
{
	struct dirent **names;
	struct stat sb;
	char path[4096];
	int files = 0, bad = 0;

	for (int i = 1; i < argc; i++) {
		if (stat(argv[i], &sb) != 0)
			continue;	/* no such folder: nothing to replay */
		if (!S_ISDIR(sb.st_mode)) {
			bad += run_file(argv[i]) != 0;
			files++;
			continue;
		}
		int n = scandir(argv[i], &names, skip_name, alphasort);

		if (n < 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		for (int k = 0; k < n; k++) {
			snprintf(path, sizeof path, "%s/%s", argv[i],
			    names[k]->d_name);
			if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
				bad += run_file(path) != 0;
				files++;
			}
			free(names[k]);
		}
		free(names);
	}
	printf("%d files replayed, %d unreadable\n", files, bad);
	return bad != 0;
}
