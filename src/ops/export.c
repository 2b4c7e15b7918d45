/*
 * export.c: the rows of yibao export in the words a county office uses
 * (Chinese headers and labels, fixed whatever the operator's language: the
 * file goes to other departments), masked for a clerk, and audited.
 */
#include "config.h"

#include "ops/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "core/money.h"
#include "db/export.h"
#include "db/report.h"
#include "db/tx.h"
#include "core/label.h"
#include "i18n.h"
#include "ops/payment.h"
#include "ops/resident.h"

#define MAXF 32
#define CELL 256


static const struct code_label sexes[] = {
	{ "M", "男" }, { "F", "女" }, { NULL, NULL }
};
static const struct code_label relations[] = {
	{ "head", "户主" }, { "spouse", "配偶" }, { "child", "子女" },
	{ "parent", "父母" }, { "grandchild", "孙子女" },
	{ "grandparent", "祖父母" }, { "sibling", "兄弟姐妹" },
	{ "other", "其他" }, { NULL, NULL }
};
static const struct code_label residences[] = {
	{ "rural", "农业" }, { "urban", "非农业" }, { NULL, NULL }
};
static const struct code_label insured[] = {
	{ "rural_resident", "农村居民" },
	{ "urban_non_employed", "城镇非从业居民" },
	{ "student_child", "中小学生和儿童" },
	{ "college_student", "大学生" },
	{ "residence_permit", "居住证持有人" },
	{ "flexible_worker", "灵活就业人员" }, { NULL, NULL }
};
static const struct code_label statuses[] = {
	{ "active", "正常" }, { "ended", "终止参保" }, { NULL, NULL }
};
static const struct code_label pay_kinds[] = {
	{ "payment", "缴费" }, { "refund", "退费" }, { "reversal", "冲正" },
	{ NULL, NULL }
};
static const struct code_label claim_kinds[] = {
	{ "inpatient", "住院" }, { "accident", "意外伤害" },
	{ "outpatient", "普通门诊" }, { "chronic", "门诊慢特病" },
	{ "maternity", "生育" }, { NULL, NULL }
};
static const struct code_label scopes[] = {
	{ "local", "本地" }, { "county", "跨县区" }, { "city", "跨市" },
	{ "province", "跨省" }, { NULL, NULL }
};
static const struct code_label reg_kinds[] = {
	{ "long_term", "异地长期居住" }, { "migrant_work", "外出务工" },
	{ "referral", "转诊转院" }, { "emergency", "异地急诊" },
	{ NULL, NULL }
};
static const struct code_label reg_statuses[] = {
	{ "active", "有效" }, { "revoked", "已撤销" }, { NULL, NULL }
};

static const char *const codes[EXPORT_KINDS] = {
	"residents", "payments", "settlements", "registrations"
};

static const char *const h_residents[XR_COLS] = {
	"身份证号码", "姓名", "性别", "出生日期", "户号", "户主身份证号",
	"与户主关系", "村(社区)", "户口性质", "参保类别", "人员类别",
	"联系电话", "参保状态", "终止日期"
};
static const char *const h_payments[XP_COLS] = {
	"收据行号", "身份证号码", "姓名", "村(社区)", "待遇年度", "类型",
	"缴费标准", "资助金额", "资助类别", "个人缴费", "逾期缴费",
	"待遇起始日期", "缴费日期", "操作员", "冲销行号", "原因"
};
static const char *const h_settlements[XS_COLS] = {
	"结算号", "身份证号码", "姓名", "村(社区)", "医疗类别", "待遇年度",
	"入院日期", "出院日期", "医疗机构", "医院等级", "就医地",
	"医疗费总额", "全自费金额", "超限价自付金额", "先行自付金额",
	"符合政策范围金额", "起付线", "基金支付比例(%)", "统筹基金支出",
	"大病保险支出", "医疗救助支出", "基金支付总额", "个人负担总额",
	"冲正结算号", "结算日期", "操作员"
};
/* The national platform's names (yibao trial); the last few are ours. */
static const char *const h_national[XS_COLS] = {
	"setl_id", "certno", "psn_name", "village", "med_type",
	"benefit_year", "begndate", "enddate", "fixmedins_name", "hosp_lv",
	"scope", "medfee_sumamt", "fulamt_ownpay_amt", "overlmt_selfpay",
	"preselfpay_amt", "inscp_scp_amt", "act_pay_dedc", "hifp_ratio",
	"hifp_pay", "hifmi_pay", "maf_pay", "fund_pay_sumamt",
	"psn_part_amt", "reverses_setl_id", "setl_time", "opter"
};
static const char *const h_registrations[XG_COLS] = {
	"备案号", "身份证号码", "姓名", "村(社区)", "备案类型", "备案范围",
	"就医地代码", "就医地", "开始日期", "结束日期", "转入医院", "诊断",
	"备案状态", "撤销日期", "撤销原因", "备案日期"
};

/* What one export carries through the db callback. */
struct run {
	struct ops_session *s;
	const struct export_opts *o;
	export_row_fn *fn;
	void *arg;
	int full;
	unsigned long rows;
	struct ops_error *err;
	enum ops_status st;
	const char *f[MAXF];
	int flags[MAXF];
	size_t n;
	char cell[MAXF][CELL];
	char record[CELL];
};

int
export_kind_from_code(const char *code, enum export_kind *out)
{
	for (int k = 0; k < EXPORT_KINDS; k++)
		if (strcmp(codes[k], code) == 0) {
			*out = (enum export_kind)k;
			return 0;
		}
	return -1;
}

const char *
export_kind_code(enum export_kind k)
{
	return k >= 0 && k < EXPORT_KINDS ? codes[k] : "";
}

int
ops_export_full_ids(const struct ops_session *s)
{
	return s->role >= ROLE_SUPERVISOR;
}

int
ops_export_pack(struct ops_session *s, char *buf, size_t bufsz)
{
	return db_setting_get(s->db, "policy", buf, bufsz) == 0 &&
	    buf[0] != '\0' ? 0 : -1;
}

/* ---- cells -------------------------------------------------------------- */

static void
put_text(struct run *r, const char *v, int flags)
{
	r->f[r->n] = v;
	r->flags[r->n++] = v[0] != '\0' ? flags : 0;
}

static char *
next_cell(struct run *r)
{
	return r->cell[r->n];
}

static void
put_id(struct run *r, const char *id)
{
	char *c = next_cell(r);

	if (r->full || strlen(id) != IDCARD_LEN)
		snprintf(c, CELL, "%s", id);
	else
		idcard_mask(id, c);
	put_text(r, c, EXPORT_TEXT_NUMBER);
}

/* 13812345678 -> 138****5678 for a clerk; short numbers all stars. */
static void
put_phone(struct run *r, const char *phone)
{
	char *c = next_cell(r);
	size_t n = strlen(phone);

	snprintf(c, CELL, "%s", phone);
	if (!r->full)
		for (size_t i = 0; i < n; i++)
			if (n < 7 || (i >= 3 && i < n - 4))
				c[i] = '*';
	put_text(r, c, EXPORT_TEXT_NUMBER);
}

static void
put_money(struct run *r, const char *fen)
{
	char *c = next_cell(r);

	money_format(strtoll(fen, NULL, 10), c);
	put_text(r, c, 0);
}

static void
put_sum(struct run *r, const char *a, const char *b)
{
	char *c = next_cell(r);

	money_format(strtoll(a, NULL, 10) + strtoll(b, NULL, 10), c);
	put_text(r, c, 0);
}

/* "registered_poor,min_living" -> the pack's labels joined with 、 */
static void
put_categories(struct run *r, const char *list)
{
	char *c = next_cell(r), code[64];
	size_t len = 0, k;
	enum category cat;
	int cats[CAT_COUNT] = { 0 };

	c[0] = '\0';
	while (*list != '\0') {
		k = strcspn(list, ",");
		snprintf(code, sizeof code, "%.*s", (int)k, list);
		if (category_from_code(code, &cat) == 0)
			cats[cat] = 1;
		list += k + (list[k] == ',');
	}
	for (int i = 0; i < CAT_COUNT; i++)	/* RULES.md 2's order */
		if (cats[i])
			len += (size_t)snprintf(c + len, CELL - len, "%s%s",
			    len ? "、" : "", pay_category_label(r->s, i));
	put_text(r, c, 0);
}

/* ---- rows --------------------------------------------------------------- */

static void
row_resident(struct run *r, const char *const *v)
{
	put_id(r, v[XR_ID]);
	put_text(r, v[XR_NAME], 0);
	put_text(r, code_label_raw(sexes, v[XR_SEX]), 0);
	put_text(r, v[XR_BIRTH], 0);
	put_text(r, v[XR_HOUSEHOLD], EXPORT_TEXT_NUMBER);
	if (v[XR_HEAD_ID][0] != '\0')
		put_id(r, v[XR_HEAD_ID]);
	else
		put_text(r, "", 0);
	put_text(r, v[XR_RELATION][0] ? code_label_raw(relations, v[XR_RELATION]) :
	    "", 0);
	put_text(r, v[XR_VILLAGE], 0);
	put_text(r, code_label_raw(residences, v[XR_RESIDENCE]), 0);
	put_text(r, code_label_raw(insured, v[XR_INSURED]), 0);
	put_categories(r, v[XR_CATEGORIES]);
	put_phone(r, v[XR_PHONE]);
	put_text(r, code_label_raw(statuses, v[XR_STATUS]), 0);
	put_text(r, v[XR_ENDED_ON], 0);
	snprintf(r->record, sizeof r->record, "%s %s", r->f[0], v[XR_NAME]);
}

static void
row_payment(struct run *r, const char *const *v)
{
	put_text(r, v[XP_KEY], 0);
	put_id(r, v[XP_ID]);
	put_text(r, v[XP_NAME], 0);
	put_text(r, v[XP_VILLAGE], 0);
	put_text(r, v[XP_YEAR], 0);
	put_text(r, code_label_raw(pay_kinds, v[XP_KIND]), 0);
	put_money(r, v[XP_STANDARD]);
	put_money(r, v[XP_SUBSIDY]);
	put_categories(r, v[XP_SUBSIDY_CATEGORY]);
	put_money(r, v[XP_AMOUNT]);
	put_text(r, strcmp(v[XP_LATE], "1") == 0 ? "是" : "否", 0);
	put_text(r, v[XP_BENEFITS_FROM], 0);
	put_text(r, v[XP_PAID_ON], 0);
	put_text(r, v[XP_OPERATOR], 0);
	put_text(r, v[XP_CANCELS], 0);
	put_text(r, v[XP_REASON], 0);
	snprintf(r->record, sizeof r->record, "%s (%s %s)", v[XP_KEY],
	    r->f[1], v[XP_NAME]);
}

static void
row_settlement(struct run *r, const char *const *v)
{
	char *c;

	put_text(r, v[XS_KEY], 0);
	put_id(r, v[XS_ID]);
	put_text(r, v[XS_NAME], 0);
	put_text(r, v[XS_VILLAGE], 0);
	put_text(r, code_label_raw(claim_kinds, v[XS_KIND]), 0);
	put_text(r, v[XS_YEAR], 0);
	put_text(r, v[XS_ADMITTED], 0);
	put_text(r, v[XS_DISCHARGED], 0);
	put_text(r, v[XS_HOSPITAL], 0);
	put_text(r, v[XS_LEVEL], 0);
	put_text(r, code_label_raw(scopes, v[XS_SCOPE]), 0);
	put_money(r, v[XS_TOTAL]);
	put_money(r, v[XS_OUT_OF_LIST]);
	put_money(r, v[XS_IMPORTED_EXCESS]);
	/* preselfpay_amt, as yibao trial: imported and class-B self-pay */
	put_sum(r, v[XS_IMPORTED_SELFPAY], v[XS_CLASS_B_SELFPAY]);
	put_money(r, v[XS_RANGE]);
	put_money(r, v[XS_DEDUCTIBLE]);
	c = next_cell(r);
	percent_format(strtoll(v[XS_RATIO], NULL, 10), c);
	put_text(r, c, 0);
	put_money(r, v[XS_FUND]);
	put_money(r, v[XS_SERIOUS]);
	put_money(r, v[XS_ASSISTANCE]);
	c = next_cell(r);
	money_format(strtoll(v[XS_FUND], NULL, 10) +
	    strtoll(v[XS_SERIOUS], NULL, 10) +
	    strtoll(v[XS_ASSISTANCE], NULL, 10), c);
	put_text(r, c, 0);
	put_money(r, v[XS_PERSONAL]);
	put_text(r, v[XS_REVERSES], 0);
	put_text(r, v[XS_SETTLED_ON], 0);
	put_text(r, v[XS_OPERATOR], 0);
	snprintf(r->record, sizeof r->record, "%s (%s %s)", v[XS_KEY],
	    r->f[1], v[XS_NAME]);
}

static void
row_registration(struct run *r, const char *const *v)
{
	put_text(r, v[XG_KEY], 0);
	put_id(r, v[XG_ID]);
	put_text(r, v[XG_NAME], 0);
	put_text(r, v[XG_VILLAGE], 0);
	put_text(r, code_label_raw(reg_kinds, v[XG_KIND]), 0);
	put_text(r, code_label_raw(scopes, v[XG_SCOPE]), 0);
	put_text(r, v[XG_DEST_CODE], 0);
	put_text(r, v[XG_DEST_NAME], 0);
	put_text(r, v[XG_FROM], 0);
	put_text(r, v[XG_TO], 0);
	put_text(r, v[XG_HOSPITAL], 0);
	put_text(r, v[XG_DIAGNOSIS], 0);
	put_text(r, code_label_raw(reg_statuses, v[XG_STATUS]), 0);
	put_text(r, v[XG_REVOKED_ON], 0);
	put_text(r, v[XG_REVOKE_REASON], 0);
	put_text(r, v[XG_CREATED], 0);
	snprintf(r->record, sizeof r->record, "%s (%s %s)", v[XG_KEY],
	    r->f[1], v[XG_NAME]);
}

static int
on_row(void *arg, const char *const *col, int ncol)
{
	struct run *r = arg;

	(void)ncol;
	r->n = 0;
	switch (r->o->kind) {
	case EXPORT_RESIDENTS:		row_resident(r, col); break;
	case EXPORT_PAYMENTS:		row_payment(r, col); break;
	case EXPORT_SETTLEMENTS:	row_settlement(r, col); break;
	default:			row_registration(r, col); break;
	}
	if ((r->st = r->fn(r->arg, r->f, r->flags, r->n, r->record,
	    r->err)) != OPS_OK)
		return 1;
	r->rows++;
	return 0;
}

/* ---- the op ------------------------------------------------------------- */

static enum ops_status
header(struct run *r)
{
	const char *const *h;
	size_t n;

	switch (r->o->kind) {
	case EXPORT_RESIDENTS:	h = h_residents; n = XR_COLS; break;
	case EXPORT_PAYMENTS:	h = h_payments; n = XP_COLS; break;
	case EXPORT_SETTLEMENTS:
		h = r->o->national ? h_national : h_settlements;
		n = XS_COLS;	/* self-pays in one, fund_pay_sumamt added */
		break;
	default:		h = h_registrations; n = XG_COLS; break;
	}
	memset(r->flags, 0, sizeof r->flags);
	return r->fn(r->arg, h, r->flags, n, NULL, r->err);
}

static int
query(struct run *r, const struct db_export_filter *f)
{
	switch (r->o->kind) {
	case EXPORT_RESIDENTS:
		return db_export_residents(r->s->db, f, on_row, r);
	case EXPORT_PAYMENTS:
		return db_export_payments(r->s->db, f, on_row, r);
	case EXPORT_SETTLEMENTS:
		return db_export_settlements(r->s->db, f, on_row, r);
	default:
		return db_export_registrations(r->s->db, f, on_row, r);
	}
}

static enum ops_status
audit(struct ops_session *s, const struct export_opts *o, int full,
    unsigned long rows, struct ops_error *err)
{
	struct audit_json j;
	char action[48], year[16], count[24];
	enum ops_status st;

	snprintf(action, sizeof action, "export.%s", export_kind_code(o->kind));
	snprintf(year, sizeof year, "%d", o->year);
	snprintf(count, sizeof count, "%lu", rows);
	audit_json_init(&j);
	audit_json_str(&j, "kind", export_kind_code(o->kind));
	audit_json_str(&j, "year", o->year ? year : NULL);
	audit_json_str(&j, "village", o->village);
	audit_json_str(&j, "id_numbers", full ? "full" : "masked");
	audit_json_str(&j, "target", o->target);
	audit_json_str(&j, "rows", count);
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = ops_audit(s, action, export_kind_code(o->kind), NULL,
	    audit_json_end(&j), 0, err)) != OPS_OK ||
	    (st = ops_commit(s, err)) != OPS_OK) {
		ops_rollback(s);
		return st;
	}
	return OPS_OK;
}

enum ops_status
ops_export(struct ops_session *s, const struct export_opts *o,
    export_row_fn *fn, void *arg, unsigned long *rows, struct ops_error *err)
{
	struct db_export_filter f = { .year = o->year, .village = o->village };
	struct run *r;
	char from[16], to[16];
	enum ops_status st;
	int rc;

	*rows = 0;
	if (s->role < ROLE_CLERK)
		return ops_fail(err, OPS_DENIED, "%s", _("log in to export"));
	if (o->national && o->kind != EXPORT_SETTLEMENTS)
		return ops_fail(err, OPS_INVALID, "%s", _("the national field "
		    "names exist only for settlements: leave out --headers "
		    "national"));
	/* Categories held some day of the year, else today. */
	if (o->year != 0) {
		snprintf(from, sizeof from, "%04d-01-01", o->year);
		snprintf(to, sizeof to, "%04d-12-31", o->year);
	} else {
		date_format(s->today, from);
		date_format(s->today, to);
	}
	f.from = from;
	f.to = to;
	f.site = s->site;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	*r = (struct run){ .s = s, .o = o, .fn = fn, .arg = arg,
	    .full = ops_export_full_ids(s), .err = err };
	if ((st = header(r)) != OPS_OK)
		goto out;
	if (db_report_snapshot(s->db) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the database could not be "
		    "read: %s"), db_errmsg(s->db));
		goto out;
	}
	rc = query(r, &f);
	if (rc == -1)
		st = ops_fail(err, OPS_FAILED, _("the records to export could "
		    "not be read: %s"), db_errmsg(s->db));
	else
		st = rc != 0 ? r->st : OPS_OK;
	db_report_snapshot_end(s->db);
	if (st == OPS_OK && (st = audit(s, o, r->full, r->rows, err)) == OPS_OK)
		*rows = r->rows;
out:
	free(r);
	return st;
}
