/*
 * chart.h: a horizontal bar chart as lines of text, so it scrolls and
 * prints with the report it belongs to.  A bar is drawn in eighths of a
 * column with the block characters ▏▎▍▌▋▊▉█, or with '#' in the ASCII mode
 * (fonts that draw the blocks two columns wide); the figure stands beside
 * each bar, so the chart never needs colour or a scale to be read.
 */
#ifndef YIBAO_TUI_CHART_H
#define YIBAO_TUI_CHART_H

#include <stddef.h>
#include <stdint.h>

/*
 * One bar into buf: `label` cut and padded to label_cols columns, a space,
 * the bar for value / max over bar_cols columns (a value above zero shows
 * at least one eighth, or one '#'; max <= 0 draws none), padded to
 * bar_cols, a space and `figure`.
 */
void chart_bar(char *buf, size_t bufsz, const char *label, int label_cols,
    int64_t value, int64_t max, int bar_cols, const char *figure, int ascii);

/*
 * Whether bars must be drawn with '#': the ASCII mode, or a locale whose
 * wcwidth counts the block characters two columns (glibc's zh_CN.GB18030
 * does, as CJK fonts draw them): the bars would not line up otherwise.
 */
struct tui;
int chart_ascii(const struct tui *t);

/* The bar alone: its length in eighths of a column (what chart_bar draws). */
int64_t chart_eighths(int64_t value, int64_t max, int bar_cols);

#endif
