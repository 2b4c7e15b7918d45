/*
 * roster.h: the columns of a department's roster, found by header name
 * (the Chinese names departments use, their synonyms, and the English
 * field names), and the values Excel damages or writes in Chinese.
 */
#ifndef YIBAO_IO_ROSTER_H
#define YIBAO_IO_ROSTER_H

#include <stddef.h>

enum roster_col {
	RC_ID,			/* 身份证号 ... id_number */
	RC_NAME,		/* 姓名 */
	RC_SEX,			/* 性别 */
	RC_BIRTH,		/* 出生日期 */
	RC_HOUSEHOLD,		/* 户号 / 家庭编号 */
	RC_HEAD_ID,		/* 户主身份证号 */
	RC_RELATION,		/* 与户主关系 */
	RC_VILLAGE,		/* 村(社区) ... */
	RC_RESIDENCE,		/* 户口性质 / 户籍类型 */
	RC_INSURED,		/* 参保类别 */
	RC_CATEGORY,		/* 人员类别 / 困难类别 / 资助类别 */
	RC_PHONE,		/* 联系电话 / 电话 / 手机号 */
	RC_COUNT
};

#define ROSTER_UNKNOWN_MAX 16

struct roster_map {
	int col[RC_COUNT];		/* field index, -1 absent */
	int nunknown;			/* headers not understood (ignored) */
	int unknown[ROSTER_UNKNOWN_MAX];	/* their field indexes */
	int duplicate;			/* a column named twice: its index */
	int dup_col;			/* which roster_col */
};

/*
 * Map a header record.  Names are compared after trimming spaces (ASCII
 * and U+3000) and with full-width parentheses made ASCII.  Returns 0, or
 * -1 when two headers mean the same column (map->duplicate says which).
 */
int roster_map_header(char *const *field, size_t n, struct roster_map *map);

/* The English field name of a column ("id_number", ...). */
const char *roster_col_name(enum roster_col c);

/* Trim ASCII spaces, tabs and U+3000 at both ends, in place; returns s. */
char *roster_trim(char *s);

/*
 * An ID number Excel damaged: scientific notation (4.40524E+17), or 18
 * digits ending in 000 whose check digit fails (Excel keeps 15 significant
 * digits).  Returns 1 and the reason (translated) in *why, else 0.
 */
int roster_id_damaged(const char *v, const char **why);

/* 户主, 配偶, 子, 女, 子女, 父母, 孙子女, 祖父母, 兄弟姐妹, 其他, or a code:
 * the relation code, or NULL. */
const char *roster_relation(const char *v);

/* 农业 → rural, 非农业 / 居民 / 城镇 → urban, or the code; NULL unknown. */
const char *roster_residence(const char *v);

/* 农村居民, 城镇居民, 学生儿童 ... or the code; NULL unknown. */
const char *roster_insured(const char *v);

/* 男 / M → "M", 女 / F → "F"; NULL unknown. */
const char *roster_sex(const char *v);

/*
 * A birth date as departments write it: 1990-01-01, 1990/1/1, 19900101,
 * 1990年1月1日; into out (YYYY-MM-DD).  0 ok, -1 not a date.
 */
int roster_date(const char *v, char out[11]);

#endif
