/* mainmenu.c: the first screen after login: the day's work by number. */
#include "config.h"

#include "i18n.h"
#include "tui/admin.h"
#include "tui/claims.h"
#include "tui/internal.h"
#include "tui/reports.h"

static void
open_find(struct tui *t)
{
	tui_open_find(t);
}

static void
open_pay(struct tui *t)
{
	tui_open_pay(t, NULL);
}

/* The menu numbers ten entries (1..9, 0): the rarer work is one level down. */
static const struct tui_menu_item other_items[] = {
	{ N_("Policy pack: its values and their source"), tui_open_policy },
	{ N_("Change my password"), tui_open_passwd },
	{ N_("Lock the screen"), tui_lock },
	{ N_("Operators (administrator)"), tui_open_operators },
};

static void
open_other(struct tui *t)
{
	tui_menu_open(t, N_("Other"), other_items,
	    (int)(sizeof other_items / sizeof other_items[0]));
}

static const struct tui_menu_item main_items[] = {
	{ N_("Find a resident"), open_find },
	{ N_("Register a resident"), tui_open_register },
	{ N_("Households: create, add a member"), tui_open_household },
	{ N_("Contributions: take a payment"), open_pay },
	{ N_("End of day: the cash report"), tui_open_day_report },
	{ N_("Off-site registrations"), tui_open_offsite_menu },
	{ N_("Claims: settle, slips, the year"), tui_open_claims_menu },
	{ N_("Reports: enrolment, subsidies, settlements"), tui_open_reports },
	{ N_("Data exchange: import, export, the night sync"),
	  tui_open_exchange },
	{ N_("Other: policy pack, password, lock, operators"), open_other },
};

void
tui_open_main_menu(struct tui *t)
{
	tui_menu_open(t, N_("Main menu"), main_items,
	    (int)(sizeof main_items / sizeof main_items[0]));
}
