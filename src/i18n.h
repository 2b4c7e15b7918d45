/* i18n.h: gettext for every string a person reads. */
#ifndef YIBAO_I18N_H
#define YIBAO_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)	/* marked for xgettext, translated where it is shown */

#endif
