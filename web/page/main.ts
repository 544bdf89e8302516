/**
 * The member's dashboard: TypeScript ES modules compiled by the project's build (dist/web/page/),
 * served with the ledger's formatters and parsers they share with the CLI (src/web/page-modules.ts).
 * Every figure comes from the node's JSON API (the handlers the CLI calls); every text from the
 * ledger goes in as text, never as HTML, since other members write it; every word of the page's own
 * comes from a message catalogue in the page's language.
 */
import { get } from './api.js'
import { errorText } from './api.js'
import { byId, say } from './dom.js'
import { LOCALES, locale, rememberLocale, setLocale, startLocale, t } from './i18n.js'
import type { Locale } from './i18n.js'
import type { MessageKey } from './messages-en.js'
import { roleLabel } from './labels.js'
import { PAGES, parseRoute } from './route.js'
import type { PageName } from './route.js'
import { state } from './state.js'
import { loadOverview } from './pages/overview.js'
import { loadLedger, wireLedger } from './pages/ledger.js'
import { loadMember, wireMember } from './pages/member.js'
import { loadDistribution, wireDistribution } from './pages/distribution.js'
import { fillKinds, loadProposals, wireProposals } from './pages/proposals.js'
import { loadFederation, wireFederation } from './pages/federation.js'
import { wireLog } from './pages/log.js'

const LOADERS: Record<PageName, (params: URLSearchParams) => Promise<void>> = {
  overview: loadOverview,
  ledger: loadLedger,
  member: loadMember,
  distribution: loadDistribution,
  proposals: loadProposals,
  federation: loadFederation,
  log: async () => {}
}

let current = parseRoute(location.hash)
let loading: Promise<void> | null = null
let again = false
let coop: string | null = null

/** The page's own words in its language: elements marked data-i18n (text) and data-i18n-attr
 * ("attribute:key;…"). */
function translateStatic (): void {
  document.documentElement.lang = locale()
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as MessageKey)
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (node.dataset.i18nAttr ?? '').split(';')) {
      const [attr, key] = pair.split(':')
      if (attr !== undefined && key !== undefined) node.setAttribute(attr, t(key as MessageKey))
    }
  }
  document.title = coop === null ? t('app.title') : t('app.titleOf', { coop })
  if (state.me !== null) byId('me').textContent = t('app.me', { name: state.me.name, role: roleLabel(state.me.role) })
  byId('live').textContent = t(byId('live').classList.contains('on') ? 'app.live' : 'app.offline')
  fillKinds()
}

/** Reload the page shown; a change while it loads makes it load once more after. */
async function refresh (): Promise<void> {
  if (loading !== null) {
    again = true
    await loading
    return
  }
  loading = (async () => {
    // the page shown may change while its loader runs: only the loader of the page still shown marks it loaded
    const route = current
    try {
      await LOADERS[route.page](route.params)
      retries = 0
      say(byId('load-error'), null)
      if (route === current) {
        document.body.dataset.loaded = route.page
        document.body.dataset.lang = locale()
      }
    } catch (err) {
      say(byId('load-error'), errorText(err))
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

/** A load that failed (the node busy, a dropped connection) is tried again a few seconds later, a
 * few times: a live update may never come to reload the page, and it would stay stale. */
let retry: ReturnType<typeof setTimeout> | null = null
let retries = 0
function retryLater (): void {
  if (retry !== null || retries >= 5) return
  retries++
  retry = setTimeout(() => { retry = null; void refresh() }, 3000)
}

function show (): void {
  current = parseRoute(location.hash)
  for (const p of PAGES) byId(`page-${p}`).hidden = p !== current.page
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (a.dataset.page === current.page) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  delete document.body.dataset.loaded
  void refresh()
}

function listen (): void {
  const live = byId('live')
  const source = new EventSource('/api/events')
  let connected = false
  source.addEventListener('hello', () => {
    live.classList.add('on')
    live.textContent = t('app.live')
    // a reconnect: updates sent while the stream was down never reached this page
    if (connected) void refresh()
    connected = true
  })
  source.addEventListener('update', () => { void refresh() })
  source.addEventListener('error', () => { live.classList.remove('on'); live.textContent = t('app.reconnecting') })
}

function wireLanguage (): void {
  const select = byId<HTMLSelectElement>('lang')
  select.value = locale()
  select.addEventListener('change', () => {
    const next = select.value as Locale
    if (!(LOCALES as readonly string[]).includes(next)) return
    setLocale(next)
    rememberLocale(next)
    translateStatic()
    // what the forms said, and an entry's open amend or retract form, were in the other language
    for (const node of document.querySelectorAll<HTMLElement>('.done, .error')) say(node, null)
    for (const id of ['amend-form', 'retract-form']) byId(id).hidden = true
    delete document.body.dataset.loaded
    void refresh()
  })
}

/** The skip link moves the focus to the content without touching the address (the page's route). */
function wireSkipLink (): void {
  document.querySelector('a.skip')?.addEventListener('click', event => {
    event.preventDefault()
    byId('main').focus()
  })
}

async function start (): Promise<void> {
  setLocale(startLocale())
  wireSkipLink()
  wireLanguage()
  wireLedger(() => { void refresh() })
  wireMember(() => { void refresh() })
  wireDistribution(() => { void refresh() })
  wireProposals()
  wireFederation()
  wireLog()
  try {
    const s = await get('status', {})
    coop = s.cooperative
    state.me = s.member
  } catch (err) {
    say(byId('load-error'), errorText(err))
  }
  byId('coop-name').textContent = coop ?? 'DisCO'
  translateStatic()
  byId('overview-month').addEventListener('change', () => { void refresh() })
  window.addEventListener('hashchange', show)
  show()
  listen()
}

void start()
