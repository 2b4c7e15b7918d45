/*
 * claims.h: the screens of off-site registrations and claims (issue 8),
 * and what they share.  Each open function pushes its screen; an ID number
 * of NULL makes the screen ask for one first.
 */
#ifndef YIBAO_TUI_CLAIMS_H
#define YIBAO_TUI_CLAIMS_H

#include "tui/tui.h"

/* offsite.c: a resident's registrations (file, revoke, documents). */
void tui_open_offsite(struct tui *t, const char *resident_id);
/* offsite.c: migrant workers whose documents are overdue. */
void tui_open_offsite_overdue(struct tui *t);

/* claim.c: enter a bill, the trial settlement beside it, F2 saves. */
void tui_open_claim(struct tui *t, const char *resident_id);
/* claimlist.c: a resident's claims for the year against each cap. */
void tui_open_claim_list(struct tui *t, const char *resident_id);
/* claimslip.c: a saved claim's slip: print, write to a file, reverse. */
void tui_open_claim_slip(struct tui *t, const char *key);

/* A claim was saved or reversed: an open list reads the year again. */
void tui_claims_changed(void);

/* The main menu's entries (submenus). */
void tui_open_offsite_menu(struct tui *t);
void tui_open_claims_menu(struct tui *t);

/* The printer's encoding: what office dot-matrix printers take. */
#define CLAIMS_PRINTER_ENCODING "GB18030"

/*
 * claimslip.c: UTF-8 text encoded for the printer, then to
 * YIBAO_PRINT_COMMAND (else lp) or, with a path, into that file whole or
 * not at all.  The outcome on the message line; 0 done, -1 not.
 */
int claims_deliver(struct tui *t, const char *text, const char *path,
    const char *what);

/* claimslip.c: UTF-8 text into the page, a line each. */
struct scr_page;
void claims_page_text(struct scr_page *p, const char *text);

#endif
