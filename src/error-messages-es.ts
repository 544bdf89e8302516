/**
 * The error catalogue in Spanish, for the codes the dashboard can show (src/error-messages.ts is
 * the English one, and the reference: the same codes, params and `reason` keys). A code or a
 * reason missing here reads in English: the page never shows a code instead of a sentence.
 * Imports only types, so that the page can load it.
 */
import type { CataloguedCode, ErrorParam, ErrorParams } from './error-messages.js'
import { renderError } from './error-messages.js'

type P = Record<string, ErrorParam>
type Table = Record<string, (p: P) => string>

const iso = (ms: number): string => new Date(ms).toISOString()
const s = (v: ErrorParam | undefined): string => String(v)
/** "un trimestre" for YYYY-Qn, else "un mes" */
const periodEs = (v: ErrorParam | undefined): string => /Q\d$/.test(String(v)) ? 'un trimestre' : 'un mes'

const DURATION: Table = {
  'minutes-over-59': () => 'los minutos tras las horas deben ser menos de 60, p. ej. 2h30m',
  'not-whole-minutes': () => 'no es un número entero de minutos: escríbelo en horas y minutos, p. ej. 1h20m',
  format: () => 'se espera p. ej. 3h, 90m, 1h30m, 1.5h o 2:30',
  'too-short': () => 'debe ser de al menos un minuto',
  'too-long': p => `debe ser de como mucho ${s(p.maxHours)} horas`
}
const DATE: Table = {
  format: () => 'se espera AAAA-MM-DD',
  'no-such-day': () => 'ese día no existe',
  'out-of-range': () => 'debe estar entre 2000-01-01 y 2099-12-31'
}
const AMOUNT: Table = {
  format: () => 'se espera un número decimal simple como 120.50',
  'no-minor-unit': p => `${s(p.currency)} no tiene unidad menor: da un número entero`,
  decimals: p => `${s(p.currency)} tiene ${s(p.places)} ${Number(p.places) === 1 ? 'decimal' : 'decimales'}`,
  'too-large': () => 'demasiado grande',
  'income-nothing': () => 'el ingreso debe ser mayor que nada',
  'pool-nothing': () => 'el fondo debe ser mayor que nada'
}
const FIELD: Table = {
  'not-text': () => 'debe ser texto',
  empty: () => 'no debe estar vacío',
  blank: () => 'vacío',
  'control-characters': () => 'no debe contener caracteres de control',
  'care-for': () => 'el trabajo de cuidados es para el colectivo o para una persona',
  'for-only-care': () => 'solo el trabajo de cuidados dice para quién fue',
  'tags-too-many': p => `como mucho ${s(p.max)} etiquetas`,
  'tag-twice': p => `"${s(p.value)}" aparece dos veces`,
  'whole-up-to': p => `debe ser un número entero de 0 a ${s(p.max)}`,
  'split-none': () => 'al menos un flujo debe recibir parte del fondo',
  trust: p => `debe ser un número entero de 0 a ${s(p.max)}`,
  stage: p => `debe ser una etapa del camino de 1 a ${s(p.max)}`,
  days: p => `debe ser un número entero de días de 1 a ${s(p.max)}`,
  hours: p => `debe ser un número entero de horas de 0 a ${s(p.max)}`,
  'bidi-controls': () => 'no debe contener caracteres de control bidireccional (U+202A-U+202E, U+2066-U+2069)',
  'wrong-type': p => `debe ser ${s(p.expected)}, no ${s(p.value)}`,
  'text-too-long': p => `ocupa más de ${s(p.max)} bytes`,
  required: () => 'es obligatorio',
  'not-whole': p => `debe ser un número entero, no "${s(p.value)}"`,
  'period-kind': () => 'debe ser month (mes) o quarter (trimestre)',
  'stages-too-many': p => `como mucho ${s(p.max)} etapas de incorporación`,
  'cap-excess': () => 'debe ser share (repartir) o keep (guardar)',
  'cap-none': () => 'sin tope (un importe de 0) no se nombra moneda',
  'units-too-many': p => `como mucho ${s(p.max)} unidades de producción`,
  'unit-twice': p => `la unidad "${s(p.value)}" aparece dos veces`,
  'unit-per': p => `debe ser un número entero de 1 a ${s(p.max)}`,
  'unit-name': p => `una unidad se nombra con hasta ${s(p.max)} minúsculas, dígitos y "-", empezando por una letra, p. ej. words`,
  'output-quantity': p => `una cantidad es un número entero de 1 a ${s(p.max)}`,
  'onboarding-stage': p => `debe ser una etapa de incorporación de 0 (ninguna) a ${s(p.max)}`
}
const ACTIONS: Table = {
  propose: () => 'hacer propuestas',
  vote: () => 'votar',
  'vote-members': () => 'votar una propuesta para miembros',
  endorse: () => 'avalar entradas',
  'record-income': () => 'registrar ingresos',
  'mark-paid': () => 'marcar extractos como pagados',
  'log-value': () => 'registrar valor',
  close: () => 'cerrar una propuesta'
}

/** a sub-case in Spanish, or in English (the code's whole sentence) when this table lacks it */
function sub (table: Table, p: P, key = 'reason'): string | null {
  const render = table[String(p[key])]
  return render === undefined ? null : render(p)
}

/** code → its Spanish sentence, or null (a sub-case not translated) to read the English one */
const MESSAGES_ES: Partial<Record<CataloguedCode, (p: P) => string | null>> = {
  INVALID_DURATION: p => { const r = sub(DURATION, p); return r === null ? null : `duración no válida "${s(p.text)}": ${r}` },
  INVALID_DATE: p => { const r = sub(DATE, p); return r === null ? null : `fecha no válida "${s(p.text)}": ${r}` },
  INVALID_MONTH: p => `mes no válido "${s(p.text)}": se espera AAAA-MM, p. ej. 2026-11`,
  INVALID_AMOUNT: p => { const r = sub(AMOUNT, p); return r === null ? null : `importe no válido "${s(p.text)}": ${r}` },
  UNKNOWN_CURRENCY: p => `moneda desconocida "${s(p.code)}": se espera un código ISO 4217 como EUR, USD o JPY`,
  INVALID_STREAM: p => `flujo no válido "${s(p.text)}": se espera livelihood, love o care`,
  INVALID_FIELD: p => { const r = sub(FIELD, p); return r === null ? null : `${s(p.field)}: ${r}` },
  FIELD_TOO_LONG: p => `${s(p.field)} ocupa más de ${s(p.max)} bytes`,
  INVALID_ENTRY_ID: p => `id de entrada no válido "${s(p.text)}": se espera el id que muestra disco entries, p. ej. 3f9a1c2b-4-0`,
  NOT_FOUNDED: () => 'el libro todavía no se ha fundado',
  NOT_ALLOWED: p => { const r = sub(ACTIONS, p, 'action'); return r === null ? null : `un rol ${s(p.role)} no puede ${r}` },
  ENTRY_NOT_FOUND: p => `no hay ninguna entrada ${s(p.id)}`,
  AMBIGUOUS_ENTRY_ID: p => `el id de entrada "${s(p.id)}" coincide con ${s(p.count)} entradas: da más de su id`,
  NOT_OWN_ENTRY: p => `la entrada ${s(p.id)} es de otro miembro: solo quien la escribió puede cambiarla`,
  ENTRY_RETRACTED: p => `la entrada ${s(p.id)} está retirada`,
  MEMBER_NOT_FOUND: p => `no hay ningún miembro "${s(p.text)}"`,
  AMBIGUOUS_MEMBER: p => `"${s(p.text)}" coincide con ${s(p.count)} miembros: usa el id del miembro`,
  REMOVED: () => 'este participante fue dado de baja de la cooperativa',
  PROPOSAL_NOT_FOUND: p => `no hay ninguna propuesta ${s(p.id)}`,
  PROPOSAL_DECIDED: p => `la propuesta ${s(p.id)} ya está decidida (${s(p.status)})`,
  CLOSE_TOO_EARLY: p => `la propuesta ${s(p.id)} no se puede cerrar antes de que la hora del libro pase de ${iso(Number(p.until))} ` +
    `(ahora es ${iso(Number(p.now))}; avanza a medida que escriben más de la mitad de los nodos de los miembros)`,
  PROPOSAL_UNDECIDED: p => `la propuesta ${s(p.id)} todavía no tiene mayoría de votos vinculantes, ni un plazo tras el cual el silencio es consentimiento`,
  DEADLINE_TOO_SOON: p => `el plazo ${iso(Number(p.deadline))} deja menos que la deliberación mínima: da uno en o después de ${iso(Number(p.earliest))}`,
  OWN_ENTRY: p => `la entrada ${s(p.id)} es tuya: debe avalarla otro miembro`,
  ALREADY_ENDORSED: p => `ya avalaste la entrada ${s(p.id)}`,
  MONTH_DISTRIBUTED: p => `${s(p.month)} ya está repartido: ${periodEs(p.month)} se reparte una vez (disco statement ${s(p.month)})`,
  MONTH_NOT_OVER: p => `${s(p.month)} todavía no ha terminado: ${periodEs(p.month)} se reparte después de su último día`,
  INVALID_PERIOD: p => `periodo no válido "${s(p.text)}": se espera un mes, AAAA-MM (2026-11), o un trimestre, AAAA-Qn (2026-Q4), entre 2000 y 2099`,
  PERIOD_OVERLAPS: p => `${s(p.period)} se solapa con ${s(p.distributed)}, que ya está repartido: ningún trabajo se paga dos veces`,
  PERIOD_KIND: p => `${s(p.period)} no es ${s(p.expected) === 'quarter' ? 'un trimestre' : 'un mes'}: las reglas reparten y evalúan por ${s(p.expected) === 'quarter' ? 'trimestre' : 'mes'} (disco rules)`,
  UNKNOWN_UNIT: p => `no hay ninguna unidad de producción "${s(p.unit)}" en las reglas vigentes (disco rules las muestra; disco propose rules --unit añade una)`,
  STATEMENT_NOT_FOUND: p => `${s(p.month)} no se ha repartido: no hay extracto`,
  ALREADY_PAID: p => `el extracto de ${s(p.month)} ya está marcado como pagado`,
  EMPTY_AMEND: () => 'una corrección debe cambiar al menos un campo',
  UNKNOWN_FEDERATE: p => `no hay ninguna cooperativa federada ${s(p.id).slice(0, 8)} (disco federation las muestra)`,
  ALREADY_CHECKED_IN: p => `${s(p.name)} ya se comprobó en este periodo (en la longitud ${s(p.length)}, por ${s(p.op)})`,
  NOT_CONFIRMED: p => `ningún nodo confirmó tener la entrada en ${Math.round(Number(p.timeoutMs) / 1000)} s. ` +
    'Está guardada en este dispositivo y llegará a los demás cuando se conecte un nodo',
  DISK_FULL: p => `el disco de ${s(p.storage)} está lleno: el último cambio no se guardó. ` +
    'Libera espacio y vuelve a arrancar el nodo; se conserva todo lo que confirmó',
  NOT_WRITABLE: () => 'este dispositivo no escribe en el libro',
  CLOSED: () => 'el nodo está cerrado'
}

/** The codes this catalogue says in Spanish (the tests check each renders). */
export const SPANISH_CODES = Object.keys(MESSAGES_ES) as CataloguedCode[]

/** An error's sentence in Spanish: this catalogue's, or the English catalogue's when it lacks the case. */
export function renderErrorEs (code: string, params: ErrorParams): string {
  const render = (MESSAGES_ES as Record<string, ((p: P) => string | null) | undefined>)[code]
  if (render !== undefined) {
    try {
      const text = render(params)
      if (text !== null) return text
    } catch {}
  }
  return renderError(code, params)
}
