// The member's dashboard: plain browser JavaScript, no build step. Every figure comes from the
// node's JSON API (the same handlers as the CLI); every text that comes from the ledger is put in
// the page with textContent, never as HTML, since other members write it.
'use strict'

const STREAMS = ['livelihood', 'love', 'care']
const COLOURS = { livelihood: '#2f6f9f', love: '#c0392b', care: '#2e8b57' }
const PAGES = ['overview', 'ledger', 'distribution', 'proposals', 'federation', 'log']

const $ = (sel) => document.querySelector(sel)

/** An element with attributes and children (strings become text nodes). */
function el (tag, attrs = {}, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue
    if (k === 'class') node.className = v
    else if (k === 'text') node.textContent = v
    else node.setAttribute(k, String(v))
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c)
  }
  return node
}

class ApiError extends Error {
  constructor (error, status) {
    super(error.message)
    this.code = error.code
    this.status = status
  }
}

/** GET with a query, or POST with a JSON body; a handler's error comes back as its code and message. */
async function api (path, input = {}, method = 'GET') {
  let url = path
  const init = { method, credentials: 'same-origin', headers: {} }
  if (method === 'GET') {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '' && v !== false) q.set(k, v === true ? '1' : String(v))
    if ([...q].length > 0) url += '?' + q
  } else {
    init.headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(input)
  }
  const res = await fetch(url, init)
  const body = await res.json().catch(() => ({ error: { code: 'HTTP_' + res.status, message: res.statusText } }))
  if (res.status === 401) {
    // the node was restarted: each run of disco serve makes a new login token
    throw new ApiError({ code: 'UNAUTHORIZED', message: 'the dashboard no longer knows this browser: open the link that disco serve (or disco start --serve) printed last' }, 401)
  }
  if (!res.ok) throw new ApiError(body.error ?? { code: 'HTTP_' + res.status, message: res.statusText }, res.status)
  return body
}

// --- formatting --------------------------------------------------------------------------------

/** minutes as the CLI writes durations: 2h30m, 45m, 3h */
function hoursText (minutes) {
  if (minutes === 0) return '0'
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return (h > 0 ? h + 'h' : '') + (m > 0 ? m + 'm' : '')
}
const hours = (minutes) => Math.round(minutes / 60 * 100) / 100
const pad = (n) => String(n).padStart(2, '0')
const monthOf = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1)
/** this month, by this computer's calendar (as `disco log` dates work "today") */
const thisMonth = () => monthOf(new Date())

/** the twelve months that end with `month`, oldest first */
function lastTwelve (month) {
  const [y, m] = month.split('-').map(Number)
  const out = []
  for (let i = 11; i >= 0; i--) out.push(monthOf(new Date(y, m - 1 - i, 1)))
  return out
}

function minorDigits (currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits
  } catch { return 2 }
}
const moneyText = (amount, currency) => (amount / 10 ** minorDigits(currency)).toFixed(minorDigits(currency)) + ' ' + currency
const dateText = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'

function streamBadge (stream) {
  return el('span', { class: 'stream ' + stream, text: stream })
}

function showError (node, err) {
  if (err === null) {
    node.hidden = true
    node.textContent = ''
  } else {
    node.hidden = false
    node.textContent = err.message
  }
}

// --- charts ------------------------------------------------------------------------------------

const charts = new Map()
/** (Re)draw a chart; without animation, so that a live update does not make the page dance. */
function chart (id, config) {
  const old = charts.get(id)
  if (old !== undefined) old.destroy()
  if (typeof Chart === 'undefined') return // the library failed to load: the tables still show everything
  config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options }
  charts.set(id, new Chart(document.getElementById(id), config))
}

// --- overview ----------------------------------------------------------------------------------

function figureCells (row) {
  return [
    el('td', { class: 'num', 'data-minutes': row.minutes, text: hoursText(row.minutes) }),
    el('td', { class: 'num', 'data-entries': row.entries, text: String(row.entries) }),
    el('td', { class: 'num', 'data-credits': row.credits, text: String(row.credits) })
  ]
}

async function loadOverview () {
  const input = $('#overview-month')
  if (input.value === '') input.value = thisMonth()
  const month = input.value
  const months = lastTwelve(month)
  const [byStream, byMember, balance, ...history] = await Promise.all([
    api('/api/report', { month, by: 'stream' }),
    api('/api/report', { month, by: 'member' }),
    api('/api/balance', { month }),
    ...months.map(m => api('/api/report', { month: m, by: 'stream' }))
  ])

  const streamRows = STREAMS.map(s => byStream.rows.find(r => r.key === s) ?? { key: s, minutes: 0, entries: 0, credits: '0' })
  $('#overview-streams tbody').replaceChildren(...streamRows.map(r =>
    el('tr', { 'data-key': r.key }, el('td', {}, streamBadge(r.key)), ...figureCells(r))))
  $('#overview-streams tfoot').replaceChildren(el('tr', { 'data-key': 'total' }, el('td', { text: 'total' }), ...figureCells(byStream.total)))
  const donut = (id, title, values, unit) => chart(id, {
    type: 'doughnut',
    data: { labels: STREAMS, datasets: [{ data: values, backgroundColor: STREAMS.map(s => COLOURS[s]) }] },
    options: {
      plugins: {
        title: { display: true, text: title },
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: (c) => c.label + ': ' + c.parsed + unit } }
      }
    }
  })
  donut('chart-streams', 'hours', streamRows.map(r => hours(r.minutes)), ' h')
  // credits are exact integers as text; a chart only needs their proportions
  donut('chart-credits', 'credits', streamRows.map(r => Number(r.credits)), '')

  const memberRows = byMember.rows.filter(r => r.minutes > 0 || r.credits !== '0')
  $('#overview-members tbody').replaceChildren(...memberRows.map(r =>
    el('tr', { 'data-key': r.key }, el('td', { text: r.label }), ...figureCells(r))))
  const people = balance.members.filter(m => m.streams.some(s => s.minutes > 0))
  chart('chart-members', {
    type: 'bar',
    data: {
      labels: people.map(m => m.name),
      datasets: STREAMS.map(s => ({
        label: s,
        backgroundColor: COLOURS[s],
        data: people.map(m => hours(m.streams.find(x => x.stream === s)?.minutes ?? 0))
      }))
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, title: { display: true, text: 'hours' } }, y: { stacked: true } } }
  })

  chart('chart-months', {
    type: 'line',
    data: {
      labels: months,
      datasets: STREAMS.map((s, i) => ({
        label: s,
        borderColor: COLOURS[s],
        backgroundColor: COLOURS[s] + '99',
        // each stream's band fills down to the one below it: a stacked area, not overlapping ones
        fill: i === 0 ? 'origin' : '-1',
        cubicInterpolationMode: 'monotone',
        data: history.map(h => hours(h.rows.find(r => r.key === s)?.minutes ?? 0))
      }))
    },
    options: { scales: { y: { stacked: true, beginAtZero: true, title: { display: true, text: 'hours' } } }, interaction: { mode: 'index', intersect: false } }
  })
  $('#chart-months').dataset.totals = JSON.stringify(history.map(h => h.total.minutes))
}

// --- ledger ------------------------------------------------------------------------------------

let memberNames = new Map()
const LEDGER_LIMIT = 500

async function loadMembers () {
  const { members } = await api('/api/members')
  memberNames = new Map(members.map(m => [m.id, m.name]))
  const select = $('#ledger-filters select[name=member]')
  const chosen = select.value
  select.replaceChildren(el('option', { value: '', text: 'everyone' }), ...members.map(m => el('option', { value: m.id, text: m.name })))
  select.value = chosen
}

function entryMarks (e) {
  const marks = []
  if (e.status === 'retracted') marks.push(el('span', { class: 'mark retracted', text: 'retracted' + (e.retractReason ? ': ' + e.retractReason : '') }))
  if (e.amends > 0) marks.push(el('span', { class: 'mark amended', text: e.amends === 1 ? 'amended' : 'amended ×' + e.amends }))
  if (e.status === 'active') {
    marks.push(e.endorsedBy.length > 0
      ? el('span', { class: 'mark endorsed', text: 'endorsed by ' + e.endorsedBy.map(id => memberNames.get(id) ?? id.slice(0, 8)).join(', ') })
      : el('span', { class: 'mark unendorsed', text: 'not endorsed' }))
  }
  return marks
}

async function loadLedger () {
  await loadMembers()
  const form = $('#ledger-filters')
  const filter = Object.fromEntries(new FormData(form))
  let out
  try {
    // the most recent LEDGER_LIMIT (+1, to know whether there are more): a big ledger stays quick
    out = await api('/api/entries', { ...filter, limit: LEDGER_LIMIT + 1 })
    showError($('#ledger-error'), null)
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    showError($('#ledger-error'), err)
    return
  }
  const more = out.entries.length > LEDGER_LIMIT
  const rows = out.entries.slice(more ? 1 : 0).reverse() // newest first
  $('#ledger-count').textContent = more
    ? 'the most recent ' + LEDGER_LIMIT + ' entries: choose a month or a member to see older ones'
    : rows.length === 1 ? '1 entry' : rows.length + ' entries'
  $('#ledger-table tbody').replaceChildren(...rows.map(e => el('tr', { 'data-id': e.id, 'data-short-id': e.shortId, class: e.status === 'retracted' ? 'retracted' : null },
    el('td', { text: e.date }),
    el('td', { text: e.memberName }),
    el('td', {}, streamBadge(e.stream)),
    el('td', { class: 'num', 'data-minutes': e.minutes, text: hoursText(e.minutes) }),
    el('td', { text: e.description }),
    el('td', { text: e.project }),
    el('td', { class: 'num', text: e.money === null ? '' : e.money.display + ' ' + e.money.currency }),
    el('td', {}, ...entryMarks(e)),
    el('td', {}, el('code', { text: e.shortId }))
  )))
}

// --- distribution ------------------------------------------------------------------------------

async function loadDistribution () {
  const { statements } = await api('/api/statement')
  const select = $('#statement-month')
  const chosen = select.value
  const months = statements.map(s => s.month).reverse()
  select.replaceChildren(...months.map(m => el('option', { value: m, text: m })))
  select.value = months.includes(chosen) ? chosen : (months[0] ?? '')
  $('#statement-none').hidden = statements.length > 0
  $('#statement-body').hidden = statements.length === 0
  const s = statements.find(x => x.month === select.value)
  if (s === undefined) return

  $('#statement-summary').textContent = s.month + ': a pool of ' + s.poolDisplay + ' ' + s.currency +
    ', ' + s.entries + ' entries, rules v' + s.rulesVersion + '. ' +
    (s.paid === null ? 'Not marked paid yet.' : 'Paid on ' + s.paid.date + ' (' + s.paid.reference + '), recorded by ' + (s.paidByName ?? '') + '.')
  $('#statement-table tbody').replaceChildren(...s.lines.map(l => el('tr', { 'data-member': l.member },
    el('td', { text: l.name + (l.paid ? '' : ' (no weight)') }),
    ...STREAMS.map(st => el('td', { class: 'num', 'data-amount': l.amounts[st], text: l.amountsDisplay[st] })),
    el('td', { class: 'num', 'data-amount': l.total, text: l.totalDisplay })
  )))
  $('#statement-table tfoot').replaceChildren(el('tr', {},
    el('td', { text: 'pool' }),
    ...STREAMS.map(st => el('td', { class: 'num', 'data-amount': s.streams[st], text: moneyText(s.streams[st], s.currency) })),
    el('td', { class: 'num', 'data-amount': s.pool, text: s.poolDisplay + ' ' + s.currency })
  ))
  const major = 10 ** minorDigits(s.currency)
  chart('chart-statement', {
    type: 'bar',
    data: {
      labels: s.lines.map(l => l.name),
      datasets: STREAMS.map(st => ({ label: st, backgroundColor: COLOURS[st], data: s.lines.map(l => l.amounts[st] / major) }))
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: s.currency } } } }
  })
  $('#statement-late').replaceChildren(...s.late.map(c =>
    el('li', { text: 'late change to ' + c.month + ': ' + c.kind + ' of entry ' + c.entry.slice(0, 8) + ' by ' + (memberNames.get(c.member) ?? c.member.slice(0, 8)) + ' (counts in the next distribution)' })))
}

// --- proposals ---------------------------------------------------------------------------------

function proposalTitle (p) {
  const a = p.action
  switch (a.kind) {
    case 'motion': return 'Motion'
    case 'admit': return 'Admit ' + a.name + ' as ' + a.role
    case 'role': return (p.subjectName ?? '') + ' becomes ' + a.role
    case 'remove': return 'Remove ' + (p.subjectName ?? '')
    case 'indexers': return 'Indexers: ' + a.devices.map(d => d.slice(0, 8)).join(', ')
    case 'protocol': return 'Protocol version ' + a.version
    case 'rules': return 'New accounting rules'
    case 'distribute': return 'Distribute ' + a.month + ': ' + moneyText(a.pool, a.currency)
    default: return a.kind
  }
}

async function vote (id, choice, buttons) {
  for (const b of buttons) b.disabled = true
  try {
    await api('/api/vote', { id, choice }, 'POST')
    showError($('#proposals-error'), null)
    await loadProposals()
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    showError($('#proposals-error'), err)
  } finally {
    for (const b of buttons) b.disabled = false
  }
}

let me = null

async function loadProposals () {
  const { proposals } = await api('/api/proposals', { open: true })
  $('#proposals-none').hidden = proposals.length > 0
  $('#proposals-list').replaceChildren(...proposals.map(p => {
    const mine = p.votes.find(v => me !== null && v.member === me.id)
    // your vote shows pressed; you may change it until the proposal is decided
    const buttons = ['yes', 'no', 'abstain', 'block'].map(c => el('button', { type: 'button', 'data-choice': c, 'aria-pressed': String(mine?.choice === c), text: c }))
    for (const b of buttons) b.addEventListener('click', () => { void vote(p.id, b.dataset.choice, buttons) })
    return el('article', { class: 'proposal', 'data-id': p.id, 'data-short-id': p.shortId },
      el('h3', { text: proposalTitle(p) }),
      p.text ? el('p', { text: p.text }) : null,
      el('p', { class: 'muted small', text: 'by ' + p.byName + ' · ' + p.shortId + ' · ' + (p.audience === 'all' ? 'all constituents vote' : 'members vote') +
        (p.deadline > 0 ? ' · deadline ' + dateText(p.deadline) : '') }),
      el('div', { class: 'tally' },
        ...['yes', 'no', 'abstain', 'block'].map(c => el('span', { 'data-tally': c, text: c + ' ' + p.tally[c] })),
        el('span', { class: 'muted', text: 'of ' + p.voters + ' binding voters' })),
      p.votes.length > 0
        ? el('ul', { class: 'votes' }, ...p.votes.map(v => el('li', { text: v.name + ': ' + v.choice + (v.weight === 'binding' ? '' : ' (recorded)') + (v.reason ? ' — ' + v.reason : '') })))
        : null,
      el('div', { class: 'vote-buttons' }, ...buttons))
  }))
}

// --- federation --------------------------------------------------------------------------------

const JOURNEY_STAGES = 7
const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many)

/** What a member most needs to know about a federate, in a word or two (docs/federation.md). */
function federateState (f, days) {
  if (f.removed) return { key: 'ended', text: 'federation ended' }
  if (f.disputes > 0) return { key: 'disputed', text: 'disputed (' + f.disputes + ')' }
  if (f.signedLength === null) return { key: 'waiting', text: 'not reached yet' }
  if (f.lastCheckin === null) return { key: 'waiting', text: 'no check-in yet' }
  // a check-in counts once a period (whole periods of `days` since 1970, as apply counts them)
  const period = (ms) => Math.floor(ms / (days * 86_400_000))
  if (period(f.lastCheckin.at) < period(Date.now())) return { key: 'waiting', text: 'check-in due' }
  return { key: 'ok', text: 'witnessed' }
}

/** A dispute's evidence in one sentence: what the federate signed, then what it signed after. */
function disputeSummary (d) {
  const w = plural(d.witnessedLength, 'block', 'blocks')
  switch (d.kind) {
    case 'fork': return 'It signed two different histories of the same length (' + w + ').'
    case 'truncation': return 'It signed ' + w + ', then a shorter history of ' + d.observedLength + ' under a new fork: it cut its signed past.'
    case 'rewrite': return 'It signed ' + w + ', then a longer history of ' + d.observedLength + ' that does not contain them.'
    default: return 'Witnessed length ' + d.witnessedLength + ', observed ' + d.observedLength + '.'
  }
}

async function loadFederation () {
  const [fed, { members }] = await Promise.all([api('/api/federation'), api('/api/members')])
  const names = new Map(members.map(m => [m.id, m.name]))
  $('#federation-none').hidden = fed.federates.length > 0
  $('#federation-body').hidden = fed.federates.length === 0
  $('#federation-table tbody').replaceChildren(...fed.federates.map(f => {
    const last = f.lastCheckin
    const state = federateState(f, fed.checkinDays)
    return el('tr', { 'data-id': f.id, 'data-name': f.name, class: f.removed ? 'ended' : null },
      el('td', { title: f.id, text: f.name }),
      el('td', { class: 'num', 'data-label': 'trust', 'data-trust': f.trust },
        String(f.trust), el('meter', { min: 0, max: 100, value: f.trust, 'aria-label': 'trust ' + f.trust + ' of 100' })),
      el('td', { 'data-label': 'journey', 'data-stage': f.stage, text: 'stage ' + f.stage + ' of ' + JOURNEY_STAGES }),
      last === null
        ? el('td', { 'data-label': 'last check-in', 'data-checkins': f.checkins, text: 'none yet' })
        : el('td', { 'data-label': 'last check-in', 'data-checkins': f.checkins, 'data-length': last.length, 'data-at': last.at },
          'length ' + last.length + ' · ' + dateText(last.at),
          el('span', { class: 'muted small', text: ' · by ' + (names.get(last.by) ?? last.by.slice(0, 8)) + ' · ' + plural(f.checkins, 'check-in', 'check-ins') })),
      el('td', { class: 'num', 'data-label': 'behind', 'data-behind': f.behind ?? '', 'data-signed': f.signedLength ?? '', title: f.signedLength === null ? 'nothing of its signed history has reached this node yet' : 'its signed length here: ' + f.signedLength },
        f.behind === null ? '–' : plural(f.behind, 'block', 'blocks')),
      el('td', { 'data-disputes': f.disputes }, el('span', { class: 'state ' + state.key, text: state.text })))
  }))
  $('#federation-rules').hidden = fed.federates.length === 0
  $('#federation-rules').textContent = 'Each federate is checked in once every ' + plural(fed.checkinDays, 'day', 'days') +
    ' by a running node. “Behind” is how far its signed history is past the last check-in, as this node holds it.'
  $('#disputes-none').hidden = fed.disputes.length > 0
  $('#disputes-list').replaceChildren(...fed.disputes.map(d => el('li', { 'data-id': d.id, 'data-short-id': d.shortId, 'data-kind': d.kind },
    el('strong', { text: d.name }), ' — ', el('span', { 'data-field': 'kind', text: d.kind }), el('span', { class: 'muted', text: ' · ' + dateText(d.at) }),
    el('p', { 'data-field': 'summary', text: disputeSummary(d) }),
    el('p', { class: 'muted small' }, 'Evidence anyone can check: ', el('code', { text: 'disco federation --evidence ' + d.shortId + ' -o evidence.json' })))))
  $('#federation-code').textContent = fed.code
}

// --- log work ----------------------------------------------------------------------------------

function showStreamFields () {
  const stream = $('#log-form select[name=stream]').value
  for (const s of STREAMS) {
    for (const node of document.querySelectorAll('#log-form .only-' + s)) node.hidden = s !== stream
  }
}

/** The form as `disco log` would send it: only what was filled in, and only the chosen stream's fields. */
function logInput (form) {
  const data = new FormData(form)
  const stream = data.get('stream')
  const input = { stream }
  const text = (name) => String(data.get(name) ?? '').trim()
  for (const name of ['duration', 'date', 'description', 'project']) if (text(name) !== '') input[name] = text(name)
  if (text('tags') !== '') input.tags = text('tags').split(',').map(t => t.trim()).filter(t => t !== '')
  if (stream === 'livelihood') for (const name of ['client', 'amount', 'currency']) { if (text(name) !== '') input[name] = text(name) }
  if (stream === 'love' && text('commons') !== '') input.commons = text('commons')
  if (stream === 'care') input.for = text('for')
  return input
}

async function submitLog (event) {
  event.preventDefault()
  const form = event.target
  const button = form.querySelector('button[type=submit]')
  button.disabled = true
  $('#log-done').hidden = true
  showError($('#log-error'), null)
  try {
    const out = await api('/api/log', logInput(form), 'POST')
    showError($('#log-error'), null)
    const e = out.entry
    const done = $('#log-done')
    done.textContent = (out.duplicate ? 'already logged: ' : 'logged: ') + e.shortId + ', ' + e.stream + ' ' + hoursText(e.minutes) + ' on ' + e.date
    done.dataset.id = e.id
    done.hidden = false
    for (const name of ['duration', 'description', 'amount']) form.elements[name].value = ''
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    showError($('#log-error'), err)
  } finally {
    button.disabled = false
  }
}

// --- pages, live updates -----------------------------------------------------------------------

const LOADERS = { overview: loadOverview, ledger: loadLedger, distribution: loadDistribution, proposals: loadProposals, federation: loadFederation, log: async () => {} }
let current = 'overview'
let loading = null
let again = false

/** Reload the page shown; a change while it loads makes it load once more after. */
async function refresh () {
  if (loading !== null) {
    again = true
    return await loading
  }
  loading = (async () => {
    // the page shown may change while its loader runs (show() then asks for one more load):
    // only the loader of the page still shown marks it loaded
    const page = current
    try {
      await LOADERS[page]()
      retries = 0
      showError($('#load-error'), null)
      if (page === current) document.body.dataset.loaded = page
    } catch (err) {
      showError($('#load-error'), err)
      retryLater()
    }
  })()
  await loading
  loading = null
  if (again) {
    again = false
    await refresh()
  }
}

/** A load that failed (the node busy, a dropped connection) is tried again a few seconds later,
 * a few times: a live update may never come to reload the page, and it would stay stale. */
let retry = null
let retries = 0
function retryLater () {
  if (retry !== null || retries >= 5) return
  retries++
  retry = setTimeout(() => { retry = null; void refresh() }, 3000)
}

function show (page) {
  current = PAGES.includes(page) ? page : 'overview'
  for (const p of PAGES) $('#page-' + p).hidden = p !== current
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.page === current) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  delete document.body.dataset.loaded
  void refresh()
}

function listen () {
  const live = $('#live')
  const source = new EventSource('/api/events')
  let connected = false
  source.addEventListener('hello', () => {
    live.textContent = 'live'
    live.classList.add('on')
    // a reconnect: updates sent while the stream was down never reached this page
    if (connected) void refresh()
    connected = true
  })
  source.addEventListener('update', () => { void refresh() })
  source.addEventListener('error', () => { live.textContent = 'reconnecting…'; live.classList.remove('on') })
}

async function start () {
  try {
    const s = await api('/api/status')
    $('#coop-name').textContent = s.cooperative ?? 'DisCO'
    document.title = (s.cooperative ?? 'DisCO') + ' — dashboard'
    me = s.member
    if (s.member !== null) $('#me').textContent = s.member.name + ' (' + s.member.role + ')'
  } catch (err) {
    showError($('#load-error'), err)
  }
  $('#overview-month').addEventListener('change', () => { void refresh() })
  $('#statement-month').addEventListener('change', () => { void refresh() })
  const filters = $('#ledger-filters')
  filters.addEventListener('submit', (e) => { e.preventDefault(); void refresh() })
  filters.addEventListener('reset', () => { setTimeout(() => { void refresh() }, 0) })
  for (const sel of filters.querySelectorAll('select')) sel.addEventListener('change', () => { void refresh() })
  $('#log-form').addEventListener('submit', (e) => { void submitLog(e) })
  $('#log-form select[name=stream]').addEventListener('change', showStreamFields)
  showStreamFields()
  window.addEventListener('hashchange', () => show(location.hash.slice(1)))
  show(location.hash.slice(1))
  listen()
}

document.addEventListener('DOMContentLoaded', () => { void start() })
