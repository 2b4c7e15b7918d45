/* roster.c: roster columns by header name, and Chinese or damaged values. */
#include "config.h"

#include "io/roster.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/idcard.h"
#include "i18n.h"

/* Header names, by column: the English field name first. */
static const char *const names[RC_COUNT][10] = {
	[RC_ID] = { "id_number", "身份证号", "身份证号码", "公民身份号码",
	    "证件号码", "身份证", "id", NULL },
	[RC_NAME] = { "name", "姓名", NULL },
	[RC_SEX] = { "sex", "性别", NULL },
	[RC_BIRTH] = { "birth", "出生日期", "出生年月", NULL },
	[RC_HOUSEHOLD] = { "household", "户号", "家庭编号", NULL },
	[RC_HEAD_ID] = { "head_id", "户主身份证号", "户主身份证号码",
	    NULL },
	[RC_RELATION] = { "relation", "与户主关系", NULL },
	[RC_VILLAGE] = { "village", "村(社区)", "行政村", "社区", "村居",
	    "村", NULL },
	[RC_RESIDENCE] = { "residence", "户口性质", "户籍类型", NULL },
	[RC_INSURED] = { "insured", "insured_category", "参保类别",
	    "参保人员类别", NULL },
	[RC_CATEGORY] = { "category", "人员类别", "困难类别", "资助类别",
	    NULL },
	[RC_PHONE] = { "phone", "联系电话", "电话", "手机号", "手机号码",
	    NULL },
};

const char *
roster_col_name(enum roster_col c)
{
	return c < RC_COUNT ? names[c][0] : "";
}

char *
roster_trim(char *s)
{
	char *p = s, *e;

	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if (strncmp(p, "\xE3\x80\x80", 3) == 0)	/* U+3000 */
			p += 3;
		else
			break;
	}
	e = p + strlen(p);
	for (;;) {
		if (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - p >= 3 && memcmp(e - 3, "\xE3\x80\x80", 3) == 0)
			e -= 3;
		else
			break;
	}
	*e = '\0';
	if (p != s)
		memmove(s, p, (size_t)(e - p) + 1);
	return s;
}

/* A header name, trimmed, full-width parentheses made ASCII, lower case. */
static void
header_key(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	for (const char *p = in; *p && n + 1 < outsz; ) {
		if (strncmp(p, "（", 3) == 0) {
			out[n++] = '(';
			p += 3;
		} else if (strncmp(p, "）", 3) == 0) {
			out[n++] = ')';
			p += 3;
		} else {
			char c = *p++;

			out[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		}
	}
	out[n] = '\0';
	roster_trim(out);
}

int
roster_map_header(char *const *field, size_t n, struct roster_map *map)
{
	char key[256];

	memset(map, 0, sizeof *map);
	for (int c = 0; c < RC_COUNT; c++)
		map->col[c] = -1;
	map->duplicate = -1;
	for (size_t i = 0; i < n; i++) {
		int found = -1;

		header_key(field[i], key, sizeof key);
		for (int c = 0; c < RC_COUNT && found < 0; c++)
			for (int k = 0; names[c][k] != NULL; k++)
				if (strcmp(key, names[c][k]) == 0) {
					found = c;
					break;
				}
		if (found < 0) {
			if (key[0] != '\0' &&
			    map->nunknown < ROSTER_UNKNOWN_MAX)
				map->unknown[map->nunknown++] = (int)i;
			continue;
		}
		if (map->col[found] >= 0) {
			map->duplicate = (int)i;
			map->dup_col = found;
			return -1;
		}
		map->col[found] = (int)i;
	}
	return 0;
}

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
roster_id_damaged(const char *v, const char **why)
{
	size_t n = strlen(v);
	const char *e = strpbrk(v, "Ee");

	/*
	 * 4.40524E+17: a number Excel showed in scientific notation.  Not
	 * strchr("+-", e[1]): it finds the NUL of a value ending in E, and
	 * e + 2 is then past the end (found by tests/fuzz/idcard).
	 */
	if (e != NULL && e > v && n < 32 && (e[1] == '+' || e[1] == '-') &&
	    all_digits(e + 2, strlen(e + 2)) && e[2] != '\0') {
		int digits = 0, dots = 0;

		for (const char *p = v; p < e; p++)
			if (*p == '.')
				dots++;
			else if (*p >= '0' && *p <= '9')
				digits++;
			else
				return 0;
		if (digits > 0 && dots <= 1) {
			*why = _("Excel turned this ID number into a number in "
			    "scientific notation and lost its digits: format "
			    "the column as text in Excel and type the numbers "
			    "again (or ask the department for the list with "
			    "the column as text)");
			return 1;
		}
	}
	/* Excel keeps 15 significant digits: the last three became 000. */
	if (n == 18 && all_digits(v, 18) && strcmp(v + 15, "000") == 0 &&
	    idcard_check_char(v) != '0') {
		*why = _("this ID number ends in 000 and its check digit is "
		    "wrong: Excel kept only its first 15 digits; format the "
		    "column as text in Excel and type the numbers again (or "
		    "ask the department for the list with the column as text)");
		return 1;
	}
	return 0;
}

struct pair {
	const char *from, *to;
};

static const char *
lookup(const struct pair *t, const char *v)
{
	for (; t->from != NULL; t++)
		if (strcmp(t->from, v) == 0)
			return t->to;
	return NULL;
}

static const struct pair relations[] = {
	{ "户主", "head" }, { "本人", "head" }, { "配偶", "spouse" },
	{ "妻", "spouse" }, { "夫", "spouse" }, { "子", "child" },
	{ "女", "child" }, { "子女", "child" }, { "儿子", "child" },
	{ "女儿", "child" }, { "父母", "parent" }, { "父亲", "parent" },
	{ "母亲", "parent" }, { "孙子女", "grandchild" },
	{ "孙子", "grandchild" }, { "孙女", "grandchild" },
	{ "祖父母", "grandparent" }, { "兄弟姐妹", "sibling" },
	{ "其他", "other" },
	{ "head", "head" }, { "spouse", "spouse" }, { "child", "child" },
	{ "parent", "parent" }, { "grandchild", "grandchild" },
	{ "grandparent", "grandparent" }, { "sibling", "sibling" },
	{ "other", "other" },
	{ NULL, NULL }
};

const char *
roster_relation(const char *v)
{
	return lookup(relations, v);
}

static const struct pair residences[] = {
	{ "农业", "rural" }, { "农业户口", "rural" }, { "农村", "rural" },
	{ "非农业", "urban" }, { "非农业户口", "urban" },
	{ "居民", "urban" }, { "城镇", "urban" }, { "居民户口", "urban" },
	{ "rural", "rural" }, { "urban", "urban" },
	{ NULL, NULL }
};

const char *
roster_residence(const char *v)
{
	return lookup(residences, v);
}

static const struct pair insureds[] = {
	{ "农村居民", "rural_resident" },
	{ "城镇居民", "urban_non_employed" },
	{ "城镇非从业居民", "urban_non_employed" },
	{ "中小学生", "student_child" }, { "学生儿童", "student_child" },
	{ "中小学生和儿童", "student_child" },
	{ "大学生", "college_student" },
	{ "居住证", "residence_permit" },
	{ "持居住证人员", "residence_permit" },
	{ "灵活就业", "flexible_worker" },
	{ "灵活就业人员", "flexible_worker" },
	{ "rural_resident", "rural_resident" },
	{ "urban_non_employed", "urban_non_employed" },
	{ "student_child", "student_child" },
	{ "college_student", "college_student" },
	{ "residence_permit", "residence_permit" },
	{ "flexible_worker", "flexible_worker" },
	{ NULL, NULL }
};

const char *
roster_insured(const char *v)
{
	return lookup(insureds, v);
}

static const struct pair sexes[] = {
	{ "男", "M" }, { "女", "F" }, { "M", "M" }, { "F", "F" },
	{ "m", "M" }, { "f", "F" },
	{ NULL, NULL }
};

const char *
roster_sex(const char *v)
{
	return lookup(sexes, v);
}

int
roster_date(const char *v, char out[11])
{
	unsigned y, m, d;
	char tail;

	if (strlen(v) == 8 && all_digits(v, 8) &&
	    sscanf(v, "%4u%2u%2u", &y, &m, &d) == 3)
		goto ok;
	if (sscanf(v, "%u-%u-%u%c", &y, &m, &d, &tail) == 3 ||
	    sscanf(v, "%u/%u/%u%c", &y, &m, &d, &tail) == 3 ||
	    sscanf(v, "%u.%u.%u%c", &y, &m, &d, &tail) == 3 ||
	    sscanf(v, "%u年%u月%u日%c", &y, &m, &d, &tail) == 3)
		goto ok;
	return -1;
ok:
	/* A real calendar day (fuzzing found 2021-02-29 accepted). */
	if (y > 9999 || m > 12 || d > 31 ||
	    !date_valid((struct date){ (int)y, (int)m, (int)d }))
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
	return 0;
}
