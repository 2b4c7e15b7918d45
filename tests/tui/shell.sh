#!/bin/sh
# shell.sh: the interface's shell end to end, in tmux as a clerk's terminal:
# log in (three wrong passwords, then the pause), F1 help, F12 lock and
# unlock with the form kept, resize to 100x30 and back, the "terminal too
# small" notice below 80x24, Esc-digit as an F-key, NO_COLOR, F10.
# Asserts on the screen (capture-pane) and on the database afterwards.
. "$top_srcdir/tests/cli/lib.sh"

command -v tmux >/dev/null 2>&1 || { echo "FAIL: tmux is missing: run ./bootstrap as root" >&2; exit 1; }

echo secret >"$T/pw"
"$YIBAO" --db "$T/t.db" init --site 370402 --admin admin --password-file "$T/pw" \
	>/dev/null || exit 99
echo li-pw >"$T/li"
YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin "$YIBAO" --db "$T/t.db" \
	operator add li --role clerk --name 李四 --password-file "$T/li" >/dev/null || exit 99

# One tmux server of our own, gone with the test.
TM="tmux -L yibao-shell-$$ -f /dev/null"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT

# start ENV...: the program in an 80x24 window; its exit status is shown
# after it ends.
# Each start is a new session, and the old one goes after it: killing the
# last session first stops the tmux server, and a new-session sent to the
# stopping server fails on a busy machine.
n=0
start() {
	old=s$n
	n=$((n + 1))
	$TM new-session -d -s s$n -x 80 -y 24 \
		"env $* '$YIBAO' --db '$T/t.db'; echo \"EXIT=\$?\"; sleep 60"
	$TM set-option -t s$n status off >/dev/null
	$TM kill-session -t $old 2>/dev/null
}
screen() {
	$TM capture-pane -t s$n -p
}
# wait_for TEXT: until the screen shows TEXT (20 s: the sanitizer build on
# a busy machine), else the screen to the log.
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "--- waited for: $1; the screen:"
	screen
	return 1
}
# expect NAME TEXT: a check that the screen shows TEXT.
expect() {
	if wait_for "$2" >"$T/wait"; then
		check "$1" yes yes
	else
		check "$1" "the screen shows: $2" "$(cat "$T/wait")"
	fi
}
keys() {
	$TM send-keys -t s$n "$@"
}
# row N: line N (1-based) of the screen.
row() {
	screen | sed -n "$1p"
}

# A short ESCDELAY: the test waits 0.5 s after a lone Esc (else Esc and
# the next digit are one F-key, as on a slow link).
BASE="LC_ALL=C.UTF-8 YIBAO_TODAY=2021-06-01 YIBAO_LOGIN_PAUSE=3 YIBAO_ESCDELAY=100 TERM=screen"
esc() {
	keys Escape
	sleep 0.5
}

# --- login: three wrong passwords, the pause, then the right one.
start "$BASE NO_COLOR=1"
expect "login screen" "> Operator"
check "top line before login" " Office 370402 | not logged in | 2021-06-01" \
	"$(row 1 | sed 's/  *\/.*$//')"
check "bottom line" "Enter Next / log in  Tab Next field  F1 Help  F10 Quit" \
	"$(row 24 | sed 's/ *$//')"
keys li Enter bad1 Enter
expect "wrong password said" "! unknown operator or wrong password"
keys bad2 Enter bad3 Enter
expect "third failure: the pause" "3 wrong passwords: wait"
# Typed during the pause: ignored.
keys li-pw Enter
sleep 0.5
check "no login during the pause" 0 "$(screen | grep -c 'Main menu')"
wait_for "> Password" >/dev/null
sleep 3.2
check "the pause is over" 0 "$(screen | grep -c 'wrong passwords: wait')"
keys li-pw Enter
expect "logged in" "Main menu"
check "top line names the clerk (Hanzi, two columns each)" \
	" Office 370402 | 李四 (clerk) | 2021-06-01" "$(row 1 | sed 's/  *\/.*$//')"
check "database on the top line" "$T/t.db" "$(row 1 | sed 's/.* \([^ ]*\) *$/\1/')"

# --- F1 help, by Esc 1 (terminals that lose F-keys), and back.
keys Escape 1
expect "Esc 1 is F1" "Keys everywhere:"
check "help's title" 1 "$(row 2 | grep -c '^┌─ Help ─')"
check "help fits 80x24: the last key" 1 "$(screen | grep -c 'Esc 0    F10 on any terminal')"
esc
expect "Esc closes help" "> 1  Find a resident"
keys F1
expect "F1 opens help" "Keys on this screen:"
esc

# --- a form, the lock, and the form still there.
keys 0 2
expect "menu: 0 then 2 opens the password form" "Change my password"
keys abc Tab xy
expect "typed (as stars)" "Current password   ***"
keys F12
expect "F12 locks" "The screen is locked.  李四 (li) is logged in."
check "the lock hides the form" 0 "$(screen | grep -c 'Current password')"
keys wrong Enter
expect "wrong password at the lock" "! unknown operator or wrong password"
keys li-pw Enter
expect "unlocked: the form as it was" "New password       **"
check "first field kept" 1 "$(screen | grep -c 'Current password   \*\*\* ')"

# --- resize to 100x30 and back: the layout follows, the form stays.
$TM resize-window -t s$n -x 100 -y 30
sleep 0.5
expect "100x30: frame 100 wide" "└$(printf '%98s' | sed 's/ /─/g')┘"
check "100x30: bottom line on row 30" "F2 Save" "$(row 30 | cut -c1-7)"
check "100x30: form kept" 1 "$(screen | grep -c 'New password       \*\* ')"
$TM resize-window -t s$n -x 70 -y 20
expect "below 80x24: the notice" "Terminal too small: 70x20."
check "the notice alone" 0 "$(screen | grep -c 'Change my password')"
keys zzz
$TM resize-window -t s$n -x 80 -y 24
expect "80x24 again" "Change my password"
check "keys while too small went nowhere" 1 "$(screen | grep -c 'New password       \*\* ')"

# --- Esc asks before throwing typed text away.
esc
expect "Esc asks" "Throw away what was typed?"
keys n
expect "n keeps the form" "Current password"
esc
keys y
expect "y throws it away, the menu as it was" "> 2  Change my password"

# --- NO_COLOR: no colour in what was drawn, even for an error.
keys 2 Enter ab Enter cd Enter
expect "a check's message beside its field" "> New password again **                       ! not the same as the new pa │"
check "and whole on the message line" " ! not the same as the new password" "$(row 23)"
check "NO_COLOR: no colour escapes" 0 \
	"$($TM capture-pane -t s$n -p -e | grep -c '\[3[0-7]m\|\[3[0-7];\|\[38;')"

# --- F10 (as Esc 0) asks, then quits with 0.
keys Escape 0
expect "F10 asks" "Quit yibao?"
keys y
expect "quit: exit 0" "EXIT=0"

# --- with colour: the error is red as well as bold and marked "!".
start "$BASE"
expect "again" "> Operator"
keys li Enter bad Enter
expect "error with colour" "! unknown operator"
check "colour used when allowed" 1 \
	"$($TM capture-pane -t s$n -p -e | grep -c '\[.*31m.*! unknown operator')"
keys F10
expect "F10 before login quits at once" "EXIT=0"

# --- the idle lock (YIBAO_IDLE_LOCK, here in seconds) keeps the form too.
start "$BASE YIBAO_IDLE_LOCK=2s"
expect "third start" "> Operator"
keys li Enter li-pw Enter
expect "logged in again" "Main menu"
keys 0 2 abcd
expect "typed" "Current password   ****"
sleep 3
expect "idle: locked" "The screen is locked."
keys li-pw Enter
expect "unlocked after idle: form kept" "Current password   **** "
keys Escape
sleep 0.5
keys y F10 y
expect "quit" "EXIT=0"

# --- the database: the failed logins wrote nothing; the password unchanged.
check "li still logs in with li-pw" 0 \
	"$(YIBAO_PASSWORD_FILE="$T/li" YIBAO_OPERATOR=li "$YIBAO" --db "$T/t.db" \
		coverage 11010519491231002X >/dev/null 2>&1; echo $? | sed 's/^[13]$/0/')"

# --- not a terminal: said, exit 2.
run "$YIBAO" --db "$T/t.db" </dev/null
check "no terminal" "2|yibao: no command given, and the terminal interface needs a terminal; see yibao --help" \
	"$status|$err"

finish
