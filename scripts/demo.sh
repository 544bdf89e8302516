#!/usr/bin/env bash
# The demo: a cooperative's ledger on this machine, no network. It founds a ledger in a fresh
# folder, logs work in the three streams, corrects and withdraws an entry, imports a time-tracker
# export twice (it counts once), and shows the entries and balances.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d -t disco-demo.XXXXXX)
disco () { echo "\$ disco ${*@Q}" >&2; node dist/bin/disco.js --storage "$dir" "$@"; }

disco init --name "Guerrilla Translation" --me Ana
disco log love 3h -m "translated the zine" --project zine --tag translation --date 2026-11-03
disco log livelihood 1h30m -m "subtitles for a client" --client "Acme" --amount 120.50 --currency EUR --date 2026-11-05
disco log care 45m --for person -m "listened to Jo" --date 2026-11-06
id=$(disco log care 2h -m "onboarding call" --date 2026-11-07 --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).entry.shortId))')
disco amend "$id" --duration 1h30m -m "onboarding call with Sam"
typo=$(disco log love 30h -m "typo: meant 30m" --date 2026-11-08 --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).entry.shortId))')
disco retract "$typo" -m "typed 30h for 30m"
disco import examples/clockify-sample.csv --stream love
disco import examples/clockify-sample.csv --stream love
disco entries
disco balance
disco balance --month 2026-11
disco status
echo >&2
echo "The demo ledger is in $dir (run: node dist/bin/disco.js --storage $dir entries)" >&2
