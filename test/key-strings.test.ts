import t from 'tap'
import { reusedKey1, reusedKey3 } from '../src/consensus/key-strings.js'
import { keys } from '../src/consensus/view-layout.js'

/**
 * The view keys apply looks up for every op are made once and handed out again (key-strings.ts):
 * the text must be what the key function makes, whatever was asked before and however many.
 */
t.test('a reused key has the text of a fresh one, and is the same string when asked again', async t => {
  const member = 'ab'.repeat(32)
  t.equal(keys.member(member), `member/${member}`)
  t.equal(keys.device(member), `device/${member}`)
  t.equal(keys.balance(member, '2026-10', 'love'), `bal/${member}/2026-10/love`)
  t.equal(keys.balance(member, 'all', 'love'), `bal/${member}/all/love`)
  t.equal(keys.balance(member, '2026-10', 'care'), `bal/${member}/2026-10/care`)
  t.equal(keys.statement('2026-Q4'), 'stmt/2026-Q4')
  t.equal(keys.credit('2026-10', { member, stream: 'care', endorsed: true, money: { currency: 'EUR', rest: 37, atLeast100: true }, output: { unit: 'words', quantity: 1234 } }),
    `credit/2026-10/${member}/care/e/EUR:37+/words:1234`)
  t.equal(keys.credit('2026-10', { member, stream: 'love', endorsed: false, money: null, output: null }), `credit/2026-10/${member}/love/n/-/-`)

  let made = 0
  const one = reusedKey1(a => { made++; return `x/${a}` })
  t.equal(one('a'), 'x/a')
  t.equal(one('a'), 'x/a')
  t.equal(made, 1, 'made once')

  const three = reusedKey3((a, b, c) => { made++; return `${a}/${b}/${c}` })
  made = 0
  t.equal(three('m', '2026-10', 'love'), 'm/2026-10/love')
  t.equal(three('m', '2026-10', 'care'), 'm/2026-10/care', 'a key that differs in its last part only')
  t.equal(three('m', 'all', 'love'), 'm/all/love', 'in its middle part only')
  t.equal(three('n', '2026-10', 'love'), 'n/2026-10/love', 'in its first part only')
  t.equal(three('m', '2026-10', 'love'), 'm/2026-10/love')
  t.equal(made, 4, 'each distinct key made once')
})

t.test('past the keys it keeps, a reused key is made again with the same text', async t => {
  const one = reusedKey1(a => `x/${a}`)
  const three = reusedKey3((a, b, c) => `${a}/${b}/${c}`)
  for (let i = 0; i < 40_000; i++) {
    if (one(String(i)) !== `x/${i}`) return t.fail(`one(${i})`)
    if (three(String(i % 97), String(i), String(i % 3)) !== `${i % 97}/${i}/${i % 3}`) return t.fail(`three(${i})`)
  }
  t.equal(one('0'), 'x/0')
  t.equal(three('0', '0', '0'), '0/0/0')
  t.pass('every key had its text')
})
