/*
 * claim.c: claims settled against the database and saved for good
 * (RULES.md 4 and 5).  Settling reads the person, the coverage, the
 * registrations and the year so far, runs core/settle and writes the row,
 * all inside one BEGIN IMMEDIATE transaction: a second window settling for
 * the same person waits, then sees the first claim in its year-to-date
 * figures, so two claims never share the same cap room.
 */
#include "config.h"

#include "ops/claim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contribution.h"
#include "core/idcard.h"
#include "core/policy_load.h"
#include "db/claim.h"
#include "db/resident.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/category.h"
#include "ops/claim_memo.h"
#include "ops/offsite.h"
#include "ops/payment.h"
#include "io/policy_file.h"

#define YTD_COUNT 9

/* ---- codes --------------------------------------------------------------- */

const char *
claim_kind_label(const char *code)
{
	enum claim_kind k;

	if (claim_kind_from_code(code, &k) != 0)
		return code;
	switch (k) {
	case KIND_INPATIENT:	return _("Inpatient");
	case KIND_ACCIDENT:	return _("Accidental injury (inpatient)");
	case KIND_OUTPATIENT:	return _("General outpatient");
	case KIND_CHRONIC:	return _("Chronic-disease outpatient");
	case KIND_MATERNITY:	return _("Maternity");
	case KIND_COUNT:	break;
	}
	return code;
}

static const char *const ineligible_codes[] = {
	"", "not_paid", "waiting", "kind", "ended"
};

static const char *const residence_codes[] = { "", "rural", "urban" };
static const char *const delivery_codes[] = { "", "normal", "difficult" };

static int
code_index(const char *code, const char *const *codes, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(code, codes[i]) == 0)
			return i;
	return -1;
}

static struct date
parse_date(const char *text)
{
	struct date d = { 0, 0, 0 };

	if (text[0] == '\0' || date_parse(text, &d) != DATE_OK)
		d = (struct date){ 0, 0, 0 };
	return d;
}

/* `text` as a JSON string body: quotes, backslashes, controls escaped. */
static void
json_escape(const char *text, char *out, size_t outsz)
{
	size_t k = 0;

	for (const unsigned char *p = (const unsigned char *)text;
	    *p != '\0' && k + 7 < outsz; p++) {
		if (*p == '"' || *p == '\\') {
			out[k++] = '\\';
			out[k++] = (char)*p;
		} else if (*p < 0x20) {
			k += (size_t)snprintf(out + k, outsz - k, "\\u%04x",
			    *p);
		} else {
			out[k++] = (char)*p;
		}
	}
	out[k] = '\0';
}

/* "registered_poor,min_living": the categories in code order. */
static void
categories_text(catset_t set, char *buf, size_t bufsz)
{
	size_t k = 0;

	buf[0] = '\0';
	for (int c = 0; c < CAT_COUNT; c++)
		if (set & CATSET(c))
			k += (size_t)snprintf(buf + k, k < bufsz ? bufsz - k : 0,
			    "%s%s", k ? "," : "", category_code((enum category)c));
}

static int
categories_parse(const char *text, catset_t *out)
{
	char copy[400], *save = NULL;
	enum category c;

	*out = 0;
	snprintf(copy, sizeof copy, "%s", text);
	for (char *t = strtok_r(copy, ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		if (category_from_code(t, &c) != 0)
			return -1;
		*out |= CATSET(c);
	}
	return 0;
}

/* The nine year-to-date figures, in struct claim's order. */
static fen_t *
ytd_field(struct claim *c, int i)
{
	fen_t *v[YTD_COUNT] = {
		&c->ytd_inpatient_fund, &c->ytd_accident_fund,
		&c->ytd_outpatient_range, &c->ytd_outpatient_fund,
		&c->ytd_chronic_fund, &c->ytd_serious_base,
		&c->ytd_serious_paid, &c->ytd_assistance_base,
		&c->ytd_assistance_paid
	};

	return v[i];
}

static void
ytd_text(const struct claim *c, char *buf, size_t bufsz)
{
	size_t k = 0;

	buf[0] = '\0';
	for (int i = 0; i < YTD_COUNT; i++)
		k += (size_t)snprintf(buf + k, k < bufsz ? bufsz - k : 0,
		    "%s%lld", i ? "," : "",
		    (long long)*ytd_field((struct claim *)c, i));
}

static int
ytd_parse(const char *text, struct claim *c)
{
	const char *p = text;
	char *end;

	for (int i = 0; i < YTD_COUNT; i++) {
		long long v = strtoll(p, &end, 10);

		if (end == p || (i < YTD_COUNT - 1 ? *end != ',' : *end != '\0'))
			return -1;
		*ytd_field(c, i) = v;
		p = end + 1;
	}
	return 0;
}

/* ---- checking the request ------------------------------------------------ */

static enum ops_status
check_dates(const struct ops_session *s, const struct claim_request *r,
    struct ops_error *err)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	if (!date_valid(r->admitted_on))
		return ops_fail(err, OPS_INVALID, "%s", _("the admission or "
		    "visit date is missing or not a real date"));
	if (date_cmp(r->admitted_on, s->today) > 0)
		return ops_fail(err, OPS_INVALID, _("the admission date %s is "
		    "after today (%s): settle care that has happened"),
		    date_format(r->admitted_on, a), date_format(s->today, b));
	if (r->discharged_on.y == 0)
		return OPS_OK;
	if (!date_valid(r->discharged_on))
		return ops_fail(err, OPS_INVALID, "%s", _("the discharge date "
		    "is not a real date"));
	if (date_cmp(r->discharged_on, r->admitted_on) < 0)
		return ops_fail(err, OPS_INVALID, _("the discharge date %s is "
		    "before the admission date %s: check the two dates"),
		    date_format(r->discharged_on, a),
		    date_format(r->admitted_on, b));
	if (date_cmp(r->discharged_on, s->today) > 0)
		return ops_fail(err, OPS_INVALID, _("the discharge date %s is "
		    "after today (%s): settle when the person has left "
		    "hospital"), date_format(r->discharged_on, a),
		    date_format(s->today, b));
	return OPS_OK;
}

/* What the options say about the kind; the engine checks the bill. */
static enum ops_status
check_kind(const struct claim_request *r, struct ops_error *err)
{
	const char *dis = r->disease != NULL ? r->disease : "";

	if ((int)r->kind < 0 || r->kind >= KIND_COUNT)
		return ops_fail(err, OPS_INVALID, "%s", _("unknown kind of "
		    "claim: inpatient, accident, outpatient, chronic or "
		    "maternity"));
	if ((int)r->scope < 0 || r->scope >= SCOPE_COUNT)
		return ops_fail(err, OPS_INVALID, "%s", _("the scope must be "
		    "local, county, city or province"));
	if (r->level < 0 || r->level > 3)
		return ops_fail(err, OPS_INVALID, "%s", _("the hospital level "
		    "must be 1, 2 or 3"));
	if (r->kind == KIND_CHRONIC && dis[0] == '\0')
		return ops_fail(err, OPS_INVALID, "%s", _("a chronic outpatient "
		    "claim needs the disease code (--disease CODE)"));
	if (r->kind != KIND_CHRONIC && dis[0] != '\0')
		return ops_fail(err, OPS_INVALID, "%s", _("a disease is given "
		    "only with a chronic outpatient claim"));
	if (strlen(dis) >= DISEASE_CODE_MAX)
		return ops_fail(err, OPS_INVALID, _("the disease code %s is too "
		    "long"), dis);
	if (r->kind == KIND_MATERNITY && r->delivery != DELIVERY_NORMAL &&
	    r->delivery != DELIVERY_DIFFICULT)
		return ops_fail(err, OPS_INVALID, "%s", _("a maternity claim "
		    "needs the delivery: normal or difficult (--delivery)"));
	if (r->kind != KIND_MATERNITY &&
	    (r->delivery != DELIVERY_NONE || r->babies != 0))
		return ops_fail(err, OPS_INVALID, "%s", _("the delivery and "
		    "the number of babies are given only with a maternity "
		    "claim"));
	if (r->babies < 0 || r->babies > SETTLE_BABIES_MAX)
		return ops_fail(err, OPS_INVALID, _("the number of babies must "
		    "be between 1 and %d"), SETTLE_BABIES_MAX);
	return OPS_OK;
}

static enum ops_status
check_request(const struct ops_session *s, const struct claim_request *r,
    struct idcard *card, struct ops_error *err)
{
	const struct policy *pol = s->policy;
	enum idcard_err e;
	enum ops_status st;
	const char *h = r->hospital != NULL ? r->hospital : "";

	if (s->role < ROLE_CLERK)
		return ops_require(s, ROLE_CLERK, err);
	if ((e = idcard_parse(r->id != NULL ? r->id : "", s->today, card)) !=
	    IDCARD_OK)
		return ops_fail(err, OPS_INVALID, _("%s: %s"),
		    r->id != NULL ? r->id : "", idcard_strerror(e));
	while (*h == ' ')
		h++;
	if (*h == '\0')
		return ops_fail(err, OPS_INVALID, "%s", _("the hospital's name "
		    "is missing (--hospital NAME)"));
	if (strlen(h) >= sizeof ((struct db_claim *)0)->hospital)
		return ops_fail(err, OPS_INVALID, "%s", _("the hospital's name "
		    "is too long"));
	if ((st = check_kind(r, err)) != OPS_OK ||
	    (st = check_dates(s, r, err)) != OPS_OK)
		return st;
	if (pol == NULL)
		return ops_fail(err, OPS_INVALID, "%s", _("no policy pack is "
		    "chosen for this office: an administrator must choose one "
		    "first"));
	if (!pol->benefit_year.set || pol->benefit_year.v !=
	    r->admitted_on.y)
		return ops_fail(err, OPS_INVALID, _("the claim is for the "
		    "benefit year %d, but the office's policy pack %s is for "
		    "%lld: settle it with the pack of %d"), r->admitted_on.y,
		    pol->id, (long long)pol->benefit_year.v, r->admitted_on.y);
	if (pol->text_hash[0] == '\0')
		return ops_fail(err, OPS_INVALID, _("the policy pack %s has no "
		    "text hash: load it from its file"), pol->id);
	return OPS_OK;
}

/* ---- what the database knows of the person ------------------------------- */

/* Chronic: the disease in the pack and the person qualified on the day. */
static enum ops_status
chronic_qualification(struct ops_session *s, const char *id,
    const struct claim_request *r, const char *name, struct claim *c,
    struct ops_error *err)
{
	const struct policy *pol = s->policy;
	char d[DATE_BUFSZ];
	enum ops_status st;
	int held = 0, listed = pol->ndiseases <= 0;

	for (int i = 0; i < pol->ndiseases && i < DISEASE_MAX; i++)
		if (strcmp(pol->disease[i].code, r->disease) == 0)
			listed = 1;
	if (!listed)
		return ops_fail(err, OPS_INVALID, _("the policy pack %s has no "
		    "chronic disease %s: use a code from its list of chronic "
		    "diseases"),
		    pol->id, r->disease);
	if ((st = ops_person_qualified_on(s, id, r->disease, r->admitted_on,
	    &held, err)) != OPS_OK)
		return st;
	if (!held)
		return ops_fail(err, OPS_INVALID, _("%s holds no qualification "
		    "for the chronic disease %s on %s: record the qualification "
		    "first"), name, r->disease,
		    date_format(r->admitted_on, d));
	c->chronic_qualified = true;
	snprintf(c->disease, sizeof c->disease, "%s", r->disease);
	return OPS_OK;
}

/* RULES.md 4: coverage of the year on the admission date. */
static enum ops_status
eligibility(struct ops_session *s, const struct claim_person *p,
    const struct db_resident *res, struct claim *c, struct ops_error *err)
{
	struct pay_line *lines;
	struct coverage cov;
	enum ops_status st;
	size_t n;

	if (p != NULL)
		coverage_compute(p->lines, p->nlines, c->date.y, c->date, &cov);
	else {
		if ((st = ops_person_lines(s, res->id_number, &lines, &n,
		    err)) != OPS_OK)
			return st;
		coverage_compute(lines, n, c->date.y, c->date, &cov);
		free(lines);
	}
	c->ineligible = coverage_claim(&cov, c->date, c->kind,
	    &c->ineligible_until);
	/* Coverage ended (death, moving away) before the care. */
	if (c->ineligible == ELIGIBLE && res->ended_on[0] != '\0' &&
	    date_cmp(parse_date(res->ended_on), c->date) <= 0) {
		c->ineligible = INELIGIBLE_OTHER;
		c->ineligible_until = parse_date(res->ended_on);
		snprintf(c->ineligible_text, sizeof c->ineligible_text,
		    _("coverage ended on %s"), res->ended_on);
	}
	return OPS_OK;
}

static enum ops_status
year_to_date(struct ops_session *s, struct claim_person *p, const char *id,
    struct claim *c, struct ops_error *err)
{
	struct db_claim_ytd y;

	if ((p != NULL ? claim_memo_ytd(s, p, c->date.y, c->disease, &y) :
	    db_claim_ytd(s->db, id, c->date.y, c->disease, &y)) != 0)
		return ops_fail(err, OPS_FAILED, _("the earlier claims could "
		    "not be read: %s"), db_errmsg(s->db));
	c->ytd_inpatient_fund = y.inpatient_fund;
	c->ytd_accident_fund = y.accident_fund;
	c->ytd_outpatient_range = y.outpatient_range;
	c->ytd_outpatient_fund = y.outpatient_fund;
	c->ytd_chronic_fund = y.chronic_fund;
	c->ytd_serious_base = y.serious_base;
	c->ytd_serious_paid = y.serious_paid;
	c->ytd_assistance_base = y.assistance_base;
	c->ytd_assistance_paid = y.assistance_paid;
	return OPS_OK;
}

/*
 * The person from the batch's memo (read on first use), else NULL with
 * the resident read as a claim alone reads it.  0 ok, 1 none, -1 error.
 */
static int
person(struct ops_session *s, struct claim_memo *m, const char *id,
    struct db_resident *res, struct claim_person **p)
{
	int rc;

	*p = NULL;
	if (m == NULL)
		return db_resident_get(s->db, id, res);
	if ((rc = claim_memo_person(s, m, id, p)) == 0)
		*res = (*p)->res;
	return rc;
}

/*
 * out->claim from the request and the database (inside the transaction);
 * *p the person's memo entry when a batch keeps one.
 */
static enum ops_status
gather(struct ops_session *s, struct claim_memo *m,
    const struct claim_request *r, const char *id, struct db_resident *res,
    struct claim_person **p, struct claim_result *out, struct ops_error *err)
{
	struct claim *c = &out->claim;
	struct person_on on;
	enum ops_status st;
	int rc, covered = 0;

	if ((rc = person(s, m, id, res, p)) != 0)
		return rc < 0 ? ops_fail(err, OPS_FAILED, _("the resident "
		    "could not be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_NOT_FOUND, _("no resident has the ID "
		    "number %s: register the person first"), id);
	snprintf(out->id_number, sizeof out->id_number, "%s", id);
	snprintf(out->name, sizeof out->name, "%s", res->name);
	out->benefit_year = r->admitted_on.y;
	*c = (struct claim){
		.kind = r->kind, .level = r->level, .scope = r->scope,
		.emergency = r->emergency, .total = r->total,
		.out_of_list = r->out_of_list, .class_b = r->class_b,
		.imported = r->imported,
		.imported_standard = r->imported_standard,
		.date = r->admitted_on, .major_disease = r->major_disease,
		.delivery = r->delivery, .babies = r->babies,
	};
	if (*p != NULL)
		ops_person_on_rows(res, (*p)->cats, (*p)->ncats, (*p)->quals,
		    (*p)->nquals, r->admitted_on, &on);
	else if ((st = ops_person_on(s, id, r->admitted_on, &on, err)) !=
	    OPS_OK)
		return st;
	c->birth = on.birth;
	c->categories = on.categories;
	c->residence = on.residence;
	if (r->kind == KIND_CHRONIC &&
	    (st = chronic_qualification(s, id, r, res->name, c, err)) != OPS_OK)
		return st;
	if (r->kind == KIND_OUTPATIENT)
		c->chronic_qualified = on.chronic != 0;
	if ((st = eligibility(s, *p, res, c, err)) != OPS_OK)
		return st;
	/* RULES.md 5.2: the penalty concerns admissions only. */
	if ((r->kind == KIND_INPATIENT || r->kind == KIND_ACCIDENT) &&
	    r->scope != SCOPE_LOCAL) {
		if ((st = ops_offsite_covers(s, id, r->admitted_on, r->scope,
		    &covered, out->registration, sizeof out->registration,
		    err)) != OPS_OK)
			return st;
		c->registered = covered && out->registration[0] != '\0';
		if (!c->registered)
			out->registration[0] = '\0';
	}
	return year_to_date(s, *p, id, c, err);
}

/* The engine's verdict as an op's status. */
static enum ops_status
run_settle(const struct policy *pol, struct claim_result *out,
    struct ops_error *err)
{
	enum settle_status st = settle(pol, &out->claim, &out->settlement);

	if (st == SETTLE_OK)
		return OPS_OK;
	if (st == SETTLE_MISSING_PARAM)
		return ops_fail(err, OPS_INVALID, _("the policy pack %s does "
		    "not give %s, which this claim needs; add it to the pack "
		    "(see yibao-policy(5))"), pol->id, out->settlement.missing);
	return ops_fail(err, OPS_INVALID, "%s", settle_strerror(st));
}

/* ---- saving -------------------------------------------------------------- */

/* The pack's texts, once per chain hash, to explain the claim later. */
static enum ops_status
store_policy(struct ops_session *s, struct ops_error *err)
{
	const struct policy *pol = s->policy;
	char *texts[SOURCE_MAX] = { NULL };
	int rc;

	if ((rc = db_policy_text_has(s->db, pol->text_hash)) == 1)
		return OPS_OK;
	if (rc < 0)
		return ops_fail(err, OPS_FAILED, _("the stored policy texts "
		    "could not be read: %s"), db_errmsg(s->db));
	if ((rc = policy_file_texts(pol, texts)) != 0)
		return ops_fail(err, OPS_INVALID, rc == -2 ? _("the file of "
		    "the policy pack %s changed since it was loaded: run the "
		    "command again") : _("the file of the policy pack %s "
		    "cannot be read again to keep its text with the claim"),
		    pol->id);
	for (int i = 0; i < pol->nsources; i++)
		if (db_policy_text_insert(s->db, pol->text_hash, i,
		    pol->sources[i].id, pol->sources[i].file, texts[i]) != 0) {
			policy_file_texts_free(texts, pol->nsources);
			return ops_fail(err, OPS_FAILED, _("the policy text "
			    "could not be saved: %s"), db_errmsg(s->db));
		}
	policy_file_texts_free(texts, pol->nsources);
	return OPS_OK;
}

static void
to_row(const struct ops_session *s, const struct claim_request *r,
    const struct claim_result *out, struct db_claim *row)
{
	const struct claim *c = &out->claim;
	const struct settlement *t = &out->settlement;
	const char *h = r->hospital;

	while (*h == ' ')
		h++;
	memset(row, 0, sizeof *row);
	snprintf(row->key, sizeof row->key, "%s", out->key);
	snprintf(row->id_number, sizeof row->id_number, "%s", out->id_number);
	snprintf(row->kind, sizeof row->kind, "%s", claim_kind_code(c->kind));
	row->benefit_year = out->benefit_year;
	date_format(r->admitted_on, row->admitted_on);
	if (r->discharged_on.y != 0)
		date_format(r->discharged_on, row->discharged_on);
	snprintf(row->hospital, sizeof row->hospital, "%s", h);
	row->level = c->level;
	snprintf(row->scope, sizeof row->scope, "%s", scope_code(c->scope));
	row->emergency = c->emergency;
	snprintf(row->registration, sizeof row->registration, "%s",
	    out->registration);
	snprintf(row->disease, sizeof row->disease, "%s", c->disease);
	row->major_disease = c->major_disease;
	snprintf(row->delivery, sizeof row->delivery, "%s",
	    delivery_codes[c->delivery]);
	row->babies = c->babies;
	row->total = c->total;
	row->out_of_list = c->out_of_list;
	row->class_b = c->class_b;
	row->imported = c->imported;
	row->imported_standard = c->imported_standard;
	categories_text(c->categories, row->categories, sizeof row->categories);
	snprintf(row->residence, sizeof row->residence, "%s",
	    residence_codes[c->residence]);
	row->chronic_qualified = c->chronic_qualified;
	snprintf(row->ineligible, sizeof row->ineligible, "%s",
	    ineligible_codes[c->ineligible]);
	if (c->ineligible == INELIGIBLE_WAITING ||
	    c->ineligible == INELIGIBLE_OTHER)
		date_format(c->ineligible_until, row->ineligible_until);
	ytd_text(c, row->ytd, sizeof row->ytd);
	row->imported_excess = t->imported_excess;
	row->imported_selfpay = t->imported_selfpay;
	row->class_b_selfpay = t->class_b_selfpay;
	row->range = t->range;
	row->deductible = t->deductible;
	row->ratio = t->ratio;
	row->penalty = t->penalty;
	row->fund = t->fund;
	row->penalty_part = t->penalty_part;
	row->serious_base = t->serious_base;
	row->serious = t->serious;
	row->assistance_base = t->assistance_base;
	row->assistance = t->assistance;
	row->personal = t->personal;
	date_format(s->today, row->settled_on);
	snprintf(row->at, sizeof row->at, "%s", s->now);
	snprintf(row->operator_login, sizeof row->operator_login, "%s",
	    s->login);
	snprintf(row->site, sizeof row->site, "%s", s->site);
	snprintf(row->policy_id, sizeof row->policy_id, "%s", s->policy->id);
	snprintf(row->policy_hash, sizeof row->policy_hash, "%s",
	    s->policy->text_hash);
}

static enum ops_status
audit_row(struct ops_session *s, const char *action, const struct db_claim *row,
    int policy_used, struct ops_error *err)
{
	char json[1200], hosp[300], reason[600];
	char t[MONEY_BUFSZ], f[MONEY_BUFSZ], sv[MONEY_BUFSZ], a[MONEY_BUFSZ],
	    p[MONEY_BUFSZ];

	json_escape(row->hospital, hosp, sizeof hosp);
	json_escape(row->reason, reason, sizeof reason);
	snprintf(json, sizeof json, "{\"id_number\":\"%s\",\"kind\":\"%s\","
	    "\"admitted_on\":\"%s\",\"hospital\":\"%s\",\"total\":\"%s\","
	    "\"fund\":\"%s\",\"serious\":\"%s\",\"assistance\":\"%s\","
	    "\"personal\":\"%s\"%s%s%s%s%s}", row->id_number, row->kind,
	    row->admitted_on, hosp, money_format(row->total, t),
	    money_format(row->fund, f), money_format(row->serious, sv),
	    money_format(row->assistance, a), money_format(row->personal, p),
	    row->reverses[0] ? ",\"reverses\":\"" : "", row->reverses,
	    row->reverses[0] ? "\",\"reason\":\"" : "",
	    row->reverses[0] ? reason : "", row->reverses[0] ? "\"" : "");
	return ops_audit(s, action, row->key, NULL, json, policy_used, err);
}

static enum ops_status
save(struct ops_session *s, struct claim_memo *m, struct claim_person *p,
    const struct claim_request *r, struct claim_result *out,
    struct ops_error *err)
{
	struct db_claim *row;
	enum ops_status st;
	int rc;

	if ((st = ops_new_key(s, 'S', out->key, sizeof out->key, err)) !=
	    OPS_OK)
		return st;
	if (m == NULL || !claim_memo_policy_stored(m)) {
		if ((st = store_policy(s, err)) != OPS_OK)
			return st;
		if (m != NULL)
			claim_memo_set_policy_stored(m);
	}
	if ((row = malloc(sizeof *row)) == NULL)
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	to_row(s, r, out, row);
	if ((rc = db_claim_insert(s->db, row)) != 0)
		st = ops_fail(err, OPS_FAILED, _("the claim could not be "
		    "saved: %s"), db_errmsg(s->db));
	else if ((st = audit_row(s, "claim.settle", row, 1, err)) == OPS_OK &&
	    p != NULL)
		claim_memo_saved(p, row);
	free(row);
	return st;
}

enum ops_status
ops_claim_settle_memo(struct ops_session *s, struct claim_memo *m,
    const struct claim_request *req, struct claim_result *out,
    struct ops_error *err)
{
	struct db_resident res;
	struct claim_person *p;
	struct idcard card;
	enum ops_status st;

	memset(out, 0, sizeof *out);
	out->settlement.serious_group = out->settlement.assist_group = -1;
	if ((st = check_request(s, req, &card, err)) != OPS_OK ||
	    (st = gather(s, m, req, card.number, &res, &p, out, err)) !=
	    OPS_OK ||
	    (st = run_settle(s->policy, out, err)) != OPS_OK ||
	    (st = save(s, m, p, req, out, err)) != OPS_OK)
		out->key[0] = '\0';
	return st;
}

enum ops_status
ops_claim_settle_in_tx(struct ops_session *s, const struct claim_request *req,
    struct claim_result *out, struct ops_error *err)
{
	return ops_claim_settle_memo(s, NULL, req, out, err);
}

enum ops_status
ops_claim_settle(struct ops_session *s, const struct claim_request *req,
    int dry_run, struct claim_result *out, struct ops_error *err)
{
	struct db_resident res;
	struct claim_person *p;
	struct idcard card;
	enum ops_status st;

	memset(out, 0, sizeof *out);
	out->settlement.serious_group = out->settlement.assist_group = -1;
	if ((st = check_request(s, req, &card, err)) != OPS_OK)
		return st;
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = gather(s, NULL, req, card.number, &res, &p, out, err)) !=
	    OPS_OK ||
	    (st = run_settle(s->policy, out, err)) != OPS_OK)
		goto fail;
	if (dry_run) {
		ops_rollback(s);
		return OPS_OK;
	}
	if ((st = save(s, NULL, NULL, req, out, err)) != OPS_OK)
		goto fail;
	if ((st = ops_commit(s, err)) != OPS_OK)
		out->key[0] = '\0';
	return st;
fail:
	ops_rollback(s);
	out->key[0] = '\0';
	return st;
}

/* ---- reversal ------------------------------------------------------------ */

static void
negate_row(struct db_claim *c)
{
	int64_t *v[] = {
		&c->total, &c->out_of_list, &c->class_b, &c->imported,
		&c->imported_standard, &c->imported_excess,
		&c->imported_selfpay, &c->class_b_selfpay, &c->range,
		&c->deductible, &c->fund, &c->penalty_part, &c->serious_base,
		&c->serious, &c->assistance_base, &c->assistance, &c->personal
	};

	/* Money only: the ratio and the penalty are rates, not amounts. */
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		*v[i] = -*v[i];
}

static enum ops_status
reverse_in_tx(struct ops_session *s, const char *key, const char *reason,
    char *new_key, size_t keysz, struct ops_error *err)
{
	struct db_claim *row;
	enum ops_status st;
	int rc;

	if ((row = malloc(sizeof *row)) == NULL)
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	if ((rc = db_claim_get(s->db, key, row)) != 0) {
		st = rc < 0 ? ops_fail(err, OPS_FAILED, _("the claim could not "
		    "be read: %s"), db_errmsg(s->db)) : ops_fail(err,
		    OPS_NOT_FOUND, _("there is no claim %s: check the "
		    "statement's number"), key);
		goto out;
	}
	if (row->reverses[0] != '\0') {
		st = ops_fail(err, OPS_INVALID, _("%s is itself the reversal "
		    "of %s and cannot be reversed: settle the claim again "
		    "instead"), key, row->reverses);
		goto out;
	}
	if (row->reversed_by[0] != '\0') {
		st = ops_fail(err, OPS_CONFLICT, _("claim %s was already "
		    "reversed by %s"), key, row->reversed_by);
		goto out;
	}
	if ((st = ops_new_key(s, 'S', new_key, keysz, err)) != OPS_OK)
		goto out;
	negate_row(row);
	snprintf(row->reverses, sizeof row->reverses, "%s", row->key);
	snprintf(row->key, sizeof row->key, "%s", new_key);
	snprintf(row->reason, sizeof row->reason, "%s", reason);
	date_format(s->today, row->settled_on);
	snprintf(row->at, sizeof row->at, "%s", s->now);
	snprintf(row->operator_login, sizeof row->operator_login, "%s",
	    s->login);
	snprintf(row->site, sizeof row->site, "%s", s->site);
	if ((rc = db_claim_insert(s->db, row)) != 0)
		st = rc == 1 ? ops_fail(err, OPS_CONFLICT, _("claim %s was "
		    "already reversed"), key) : ops_fail(err, OPS_FAILED,
		    _("the reversal could not be saved: %s"),
		    db_errmsg(s->db));
	else
		st = audit_row(s, "claim.reverse", row, 0, err);
out:
	free(row);
	return st;
}

enum ops_status
ops_claim_reverse(struct ops_session *s, const char *key, const char *reason,
    char *new_key, size_t keysz, struct ops_error *err)
{
	const char *r = reason != NULL ? reason : "";
	enum ops_status st;

	if (keysz > 0)
		new_key[0] = '\0';
	while (*r == ' ' || *r == '\t')
		r++;
	if ((st = ops_require(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (*r == '\0')
		return ops_fail(err, OPS_INVALID, "%s", _("a reversal needs a "
		    "reason: say what was wrong (--reason TEXT)"));
	if (strlen(r) >= sizeof ((struct db_claim *)0)->reason)
		return ops_fail(err, OPS_INVALID, "%s", _("the reason is too "
		    "long"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = reverse_in_tx(s, key, r, new_key, keysz, err)) != OPS_OK) {
		ops_rollback(s);
		if (keysz > 0)
			new_key[0] = '\0';
		return st;
	}
	return ops_commit(s, err);
}

/* ---- the view ------------------------------------------------------------ */

/* policy_fetch_fn over a stored chain: the next position must be `id`. */
static const char *
fetch_stored(void *ctx, const char *id, const char *from_file, char *file,
    size_t filesz)
{
	const struct db_policy_chain *c = ctx;

	for (int i = 1; i < c->n; i++)
		if (strcmp(c->file[i - 1], from_file) == 0 &&
		    strcmp(c->id[i], id) == 0) {
			snprintf(file, filesz, "%s", c->file[i]);
			return c->text[i];
		}
	return NULL;
}

/* The pack of a stored hash, checked against the hash it is kept under. */
static enum ops_status
stored_policy(struct ops_session *s, const struct db_claim *row,
    struct policy *pol, struct ops_error *err)
{
	struct db_policy_chain chain;
	struct policy_errors *errs;
	char hash[65];
	int rc;

	if ((rc = db_policy_text_get(s->db, row->policy_hash, &chain)) != 0)
		return rc < 0 ? ops_fail(err, OPS_FAILED, _("the stored policy "
		    "texts could not be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_FAILED, _("the text of the policy pack "
		    "%s that claim %s was settled by is missing from the "
		    "database"), row->policy_id, row->key);
	policy_texts_hash((const char *const *)chain.text, chain.n, hash);
	if (strcmp(hash, row->policy_hash) != 0) {
		db_policy_chain_free(&chain);
		return ops_fail(err, OPS_FAILED, _("the stored text of the "
		    "policy pack %s does not match its hash: the database is "
		    "damaged"), row->policy_id);
	}
	if ((errs = calloc(1, sizeof *errs)) == NULL) {
		db_policy_chain_free(&chain);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	rc = policy_load(pol, chain.text[0], chain.file[0], fetch_stored,
	    &chain, errs);
	db_policy_chain_free(&chain);
	if (rc == 0)
		snprintf(pol->text_hash, sizeof pol->text_hash, "%s", hash);
	else
		ops_fail(err, OPS_FAILED, _("the stored policy pack %s no "
		    "longer loads: %s"), row->policy_id, errs->n > 0 ?
		    errs->e[0].msg : "?");
	free(errs);
	return rc == 0 ? OPS_OK : OPS_FAILED;
}

/* struct claim from a stored row; sign -1 for a reversal (amounts negated). */
static int
rebuild(const struct db_claim *row, int sign, struct date today,
    struct claim *c)
{
	struct idcard card;
	int i;

	memset(c, 0, sizeof *c);
	if (claim_kind_from_code(row->kind, &c->kind) != 0 ||
	    scope_from_code(row->scope, &c->scope) != 0 ||
	    categories_parse(row->categories, &c->categories) != 0 ||
	    ytd_parse(row->ytd, c) != 0)
		return -1;
	c->level = row->level;
	c->registered = row->registration[0] != '\0';
	c->emergency = row->emergency != 0;
	c->total = sign * row->total;
	c->out_of_list = sign * row->out_of_list;
	c->class_b = sign * row->class_b;
	c->imported = sign * row->imported;
	c->imported_standard = sign * row->imported_standard;
	c->date = parse_date(row->admitted_on);
	if (idcard_parse(row->id_number, today, &card) == IDCARD_OK)
		c->birth = card.birth;
	if ((i = code_index(row->residence, residence_codes, 3)) < 0)
		return -1;
	c->residence = (enum residence)i;
	snprintf(c->disease, sizeof c->disease, "%s", row->disease);
	c->chronic_qualified = row->chronic_qualified != 0;
	c->major_disease = row->major_disease != 0;
	if ((i = code_index(row->delivery, delivery_codes, 3)) < 0)
		return -1;
	c->delivery = (enum delivery)i;
	c->babies = row->babies;
	if ((i = code_index(row->ineligible, ineligible_codes, 5)) < 0)
		return -1;
	c->ineligible = i == 4 ? INELIGIBLE_OTHER : (enum ineligible)i;
	c->ineligible_until = parse_date(row->ineligible_until);
	if (i == 4)
		snprintf(c->ineligible_text, sizeof c->ineligible_text,
		    _("coverage ended on %s"), row->ineligible_until);
	return 0;
}

/* Every stored figure equals the engine's (times the row's sign). */
static int
same_figures(const struct db_claim *row, int sign, const struct settlement *t)
{
	return row->imported_excess == sign * t->imported_excess &&
	    row->imported_selfpay == sign * t->imported_selfpay &&
	    row->class_b_selfpay == sign * t->class_b_selfpay &&
	    row->range == sign * t->range &&
	    row->deductible == sign * t->deductible &&
	    row->ratio == t->ratio && row->penalty == t->penalty &&
	    row->fund == sign * t->fund &&
	    row->penalty_part == sign * t->penalty_part &&
	    row->serious_base == sign * t->serious_base &&
	    row->serious == sign * t->serious &&
	    row->assistance_base == sign * t->assistance_base &&
	    row->assistance == sign * t->assistance &&
	    row->personal == sign * t->personal;
}

static void
fill_view(const struct db_claim *row, struct claim_view *v)
{
	snprintf(v->key, sizeof v->key, "%s", row->key);
	snprintf(v->id_number, sizeof v->id_number, "%s", row->id_number);
	snprintf(v->name, sizeof v->name, "%s", row->name);
	v->benefit_year = row->benefit_year;
	v->admitted_on = parse_date(row->admitted_on);
	v->discharged_on = parse_date(row->discharged_on);
	snprintf(v->hospital, sizeof v->hospital, "%s", row->hospital);
	snprintf(v->registration, sizeof v->registration, "%s",
	    row->registration);
	snprintf(v->reverses, sizeof v->reverses, "%s", row->reverses);
	/* A reversed claim shows why it was reversed. */
	snprintf(v->reason, sizeof v->reason, "%s", row->reverses[0] ?
	    row->reason : row->reversal_reason);
	snprintf(v->reversed_by, sizeof v->reversed_by, "%s",
	    row->reversed_by);
	v->settled_on = parse_date(row->settled_on);
	snprintf(v->at, sizeof v->at, "%s", row->at);
	snprintf(v->operator_login, sizeof v->operator_login, "%s",
	    row->operator_login);
	snprintf(v->operator_name, sizeof v->operator_name, "%s",
	    row->operator_name[0] ? row->operator_name : row->operator_login);
	snprintf(v->site, sizeof v->site, "%s", row->site);
	snprintf(v->policy_id, sizeof v->policy_id, "%s", row->policy_id);
	snprintf(v->policy_hash, sizeof v->policy_hash, "%s",
	    row->policy_hash);
}

static enum ops_status
view_row(struct ops_session *s, const struct db_claim *row,
    struct claim_view *out, struct policy *pol, struct ops_error *err)
{
	int sign = row->reverses[0] != '\0' ? -1 : 1;
	enum ops_status st;

	if ((st = stored_policy(s, row, pol, err)) != OPS_OK)
		return st;
	if (rebuild(row, sign, s->today, &out->claim) != 0)
		return ops_fail(err, OPS_FAILED, _("the stored input of claim "
		    "%s cannot be read: the database is damaged"), row->key);
	if (settle(pol, &out->claim, &out->settlement) != SETTLE_OK ||
	    !same_figures(row, sign, &out->settlement))
		return ops_fail(err, OPS_FAILED, _("claim %s settled again by "
		    "its stored pack %s does not give the saved figures: do "
		    "not hand out a slip, and report it to the county centre"),
		    row->key, row->policy_id);
	fill_view(row, out);
	return OPS_OK;
}

enum ops_status
ops_claim_view(struct ops_session *s, const char *key, struct claim_view *out,
    struct policy **pol, struct ops_error *err)
{
	struct db_claim *row;
	enum ops_status st;
	int rc;

	*pol = NULL;
	memset(out, 0, sizeof *out);
	if ((row = malloc(sizeof *row)) == NULL ||
	    (*pol = calloc(1, sizeof **pol)) == NULL) {
		free(row);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	if ((rc = db_claim_get(s->db, key, row)) != 0)
		st = rc < 0 ? ops_fail(err, OPS_FAILED, _("the claim could not "
		    "be read: %s"), db_errmsg(s->db)) : ops_fail(err,
		    OPS_NOT_FOUND, _("there is no claim %s: check the "
		    "statement's number"), key);
	else
		st = view_row(s, row, out, *pol, err);
	free(row);
	if (st != OPS_OK) {
		free(*pol);
		*pol = NULL;
	}
	return st;
}

/* ---- a person's year ----------------------------------------------------- */

struct list_ctx {
	struct claim_list *l;
	int failed;
};

static struct claim_used *
chronic_used(struct claim_list *l, const char *code)
{
	for (int i = 0; i < l->nchronic; i++)
		if (strcmp(l->chronic[i].code, code) == 0)
			return &l->chronic[i];
	if (l->nchronic >= DISEASE_MAX)
		return NULL;
	l->chronic[l->nchronic] = (struct claim_used){ .cap = -1 };
	snprintf(l->chronic[l->nchronic].code,
	    sizeof l->chronic[l->nchronic].code, "%s", code);
	return &l->chronic[l->nchronic++];
}

static void
add_up(struct claim_list *l, const struct db_claim *c)
{
	struct claim_used *u;

	if (strcmp(c->kind, "inpatient") == 0 ||
	    strcmp(c->kind, "accident") == 0)
		l->inpatient.used += c->fund;
	if (strcmp(c->kind, "accident") == 0)
		l->accident.used += c->fund;
	if (strcmp(c->kind, "outpatient") == 0)
		l->outpatient.used += c->fund;
	if (strcmp(c->kind, "chronic") == 0 &&
	    (u = chronic_used(l, c->disease)) != NULL)
		u->used += c->fund;
	l->serious_paid += c->serious;
	l->assistance_paid += c->assistance;
	l->total += c->total;
	l->fund += c->fund;
	l->serious += c->serious;
	l->assistance += c->assistance;
	l->personal += c->personal;
}

static int
collect_row(void *ctx, const struct db_claim *c)
{
	struct list_ctx *x = ctx;
	struct claim_list *l = x->l;
	struct claim_row *r, *grown;

	if (l->n % 16 == 0) {
		if ((grown = realloc(l->r, (size_t)(l->n + 16) *
		    sizeof *l->r)) == NULL) {
			x->failed = 1;
			return 1;
		}
		l->r = grown;
	}
	r = &l->r[l->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->key, sizeof r->key, "%s", c->key);
	snprintf(r->kind, sizeof r->kind, "%s", c->kind);
	r->admitted_on = parse_date(c->admitted_on);
	snprintf(r->hospital, sizeof r->hospital, "%s", c->hospital);
	snprintf(r->disease, sizeof r->disease, "%s", c->disease);
	snprintf(r->reverses, sizeof r->reverses, "%s", c->reverses);
	snprintf(r->reversed_by, sizeof r->reversed_by, "%s", c->reversed_by);
	r->eligible = c->ineligible[0] == '\0';
	r->total = c->total;
	r->fund = c->fund;
	r->serious = c->serious;
	r->assistance = c->assistance;
	r->personal = c->personal;
	add_up(l, c);
	return 0;
}

static fen_t
cap_of(const struct param *p)
{
	return p->set ? p->v : -1;
}

/* The caps of the office's pack, when it is the pack of that year. */
static void
caps(const struct policy *pol, struct claim_list *l)
{
	struct claim_used *u;

	l->inpatient.cap = l->accident.cap = l->outpatient.cap = -1;
	if (pol == NULL || !pol->benefit_year.set ||
	    pol->benefit_year.v != l->year) {
		for (int i = 0; i < l->nchronic; i++)
			snprintf(l->chronic[i].label, sizeof l->chronic[i].label,
			    "%s", l->chronic[i].code);
		return;
	}
	snprintf(l->policy_id, sizeof l->policy_id, "%s", pol->id);
	l->inpatient.cap = pol->inpatient_cap.set ?
	    pol->inpatient_cap.v : cap_of(&pol->kind[KIND_INPATIENT].cap);
	l->accident.cap = cap_of(&pol->kind[KIND_ACCIDENT].cap);
	l->outpatient.cap = cap_of(&pol->kind[KIND_OUTPATIENT].cap);
	for (int i = 0; i < l->nchronic; i++)
		snprintf(l->chronic[i].label, sizeof l->chronic[i].label, "%s",
		    l->chronic[i].code);
	for (int i = 0; i < pol->ndiseases && i < DISEASE_MAX; i++) {
		const struct chronic_disease *d = &pol->disease[i];

		for (int k = 0; k < l->nchronic; k++) {
			if (strcmp(l->chronic[k].code, d->code) != 0)
				continue;
			u = &l->chronic[k];
			u->cap = cap_of(&d->cap);
			if (d->name[0] != '\0')
				snprintf(u->label, sizeof u->label, "%s",
				    d->name);
		}
	}
}

enum ops_status
ops_claim_list(struct ops_session *s, const char *id, int year,
    struct claim_list *out, struct ops_error *err)
{
	struct list_ctx x = { .l = out };
	struct db_resident res;
	struct idcard card;
	enum idcard_err e;
	int rc;

	memset(out, 0, sizeof *out);
	if ((e = idcard_parse(id, s->today, &card)) != IDCARD_OK)
		return ops_fail(err, OPS_INVALID, _("%s: %s"), id,
		    idcard_strerror(e));
	if ((rc = db_resident_get(s->db, card.number, &res)) != 0)
		return rc < 0 ? ops_fail(err, OPS_FAILED, _("the resident "
		    "could not be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_NOT_FOUND, _("no resident has the ID "
		    "number %s: register the person first"), card.number);
	snprintf(out->id_number, sizeof out->id_number, "%s", card.number);
	snprintf(out->name, sizeof out->name, "%s", res.name);
	out->year = year != 0 ? year : s->today.y;
	if (db_claim_list(s->db, card.number, out->year, collect_row, &x) !=
	    0 || x.failed) {
		claim_list_free(out);
		return ops_fail(err, OPS_FAILED, _("the claims could not be "
		    "read: %s"), x.failed ? _("out of memory") :
		    db_errmsg(s->db));
	}
	caps(s->policy, out);
	return OPS_OK;
}

void
claim_list_free(struct claim_list *l)
{
	free(l->r);
	l->r = NULL;
	l->n = 0;
}
