/*
 * admin.h: the screens of the office's supervisor and administrator
 * (issue 8's "everything the command line can do"): the night sync, the
 * operators, a file of claims settled at once and a file of
 * contributions paid at once.
 */
#ifndef YIBAO_TUI_ADMIN_H
#define YIBAO_TUI_ADMIN_H

#include "tui/tui.h"

void tui_open_sync(struct tui *t);		/* sync.c: sync status, export, apply */
void tui_open_operators(struct tui *t);	/* operators.c: list, add, passwd, disable */
void tui_open_claim_batch(struct tui *t);	/* claimbatch.c: claim settle --batch */
void tui_open_pay_batch(struct tui *t);	/* paybatch.c: pay --batch */

#endif
