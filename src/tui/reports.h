/*
 * reports.h: the screens of part 2 (issue 8) that tui-reports writes:
 * the reports menu, data exchange, and the policy pack, each opened from
 * the main menu.
 */
#ifndef YIBAO_TUI_REPORTS_H
#define YIBAO_TUI_REPORTS_H

#include "tui/tui.h"

void tui_open_reports(struct tui *t);	/* report.c: the reports menu */
void tui_open_exchange(struct tui *t);	/* exchange.c: import, export */
void tui_open_policy(struct tui *t);	/* policy.c: the office's pack */

#endif
