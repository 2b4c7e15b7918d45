/*
 * screens_stub.c: placeholders for the enrolment screens until they are
 * written (tui-screens deletes this file with its own screens).  Weak, so
 * a real screen of the same name wins when both are linked.
 */
#include "config.h"

#include "i18n.h"
#include "tui/tui.h"

static void
not_yet(struct tui *t)
{
	tui_message(t, _("Not ready"), _("This screen comes with the next "
	    "version."));
}

__attribute__((weak)) void
tui_open_find(struct tui *t)
{
	not_yet(t);
}

__attribute__((weak)) void
tui_open_dossier(struct tui *t, const char *resident_id)
{
	(void)resident_id;
	not_yet(t);
}

__attribute__((weak)) void
tui_open_register(struct tui *t)
{
	not_yet(t);
}

__attribute__((weak)) void
tui_open_household(struct tui *t)
{
	not_yet(t);
}

__attribute__((weak)) void
tui_open_pay(struct tui *t, const char *resident_id)
{
	(void)resident_id;
	not_yet(t);
}

__attribute__((weak)) void
tui_open_day_report(struct tui *t)
{
	not_yet(t);
}
