// Follow-for-follow wording people put in bios and names, by language. Written as people type
// them; matching (bioTokens.ts) folds case, accents, width and punctuation, so one entry covers
// "Follow-Back!!", "FOLLOW BACK" and "#FollowBack".

export interface FollowBaitPhrase {
  /** how the chip quotes it when the bio matched the words (not a hashtag spelling) */
  display: string;
  /**
   * words: a sequence of whole words, also matched glued into one word or hashtag
   *        ("followback", "#TeamFollowBack");
   * hashtag: only as a hashtag, because the bare word is too ambiguous ("#IFB", not "ifb");
   * script: a substring, for scripts written without spaces between words (Japanese, Chinese, Korean).
   */
  kind: 'words' | 'hashtag' | 'script';
  lang: string;
}

const words = (lang: string, ...displays: string[]): FollowBaitPhrase[] =>
  displays.map((display) => ({ display, kind: 'words', lang }));
const hashtags = (lang: string, ...displays: string[]): FollowBaitPhrase[] =>
  displays.map((display) => ({ display, kind: 'hashtag', lang }));
const script = (lang: string, ...displays: string[]): FollowBaitPhrase[] =>
  displays.map((display) => ({ display, kind: 'script', lang }));

export const FOLLOW_BAIT_PHRASES: readonly FollowBaitPhrase[] = [
  ...words('en', 'follow back', 'follow for follow', 'follow 4 follow', 'F4F', 'follow train', 'followbacks'),
  ...hashtags('en', '#IFB', '#TFB', '#MGWV', '#AutoFollow', '#GainFollowers'),
  ...words('es', 'sígueme y te sigo', 'sigo de vuelta', 'te sigo de vuelta', 'si me sigues te sigo', 'me sigues y te sigo'),
  ...words('pt', 'sigo de volta', 'me segue que eu sigo', 'segue que eu sigo', 'segue de volta'),
  ...hashtags('pt', '#SDV'),
  ...words('de', 'folge zurück', 'folge zurueck', 'folgst du mir folg ich dir', 'folgst du mir folge ich dir'),
  ...words('fr', 'abonne toi je m abonne', 'je m abonne en retour', 'abonnement en retour', 'follow en retour'),
  ...words('it', 'seguo chi mi segue', 'ricambio follow', 'ricambio il follow'),
  ...words('id', 'follback', 'folback', 'follow balik'),
  ...words('tr', 'takip edene takip', 'geri takip'),
  ...words('ru', 'взаимная подписка', 'подписка на подписку'),
  ...script('ja', 'フォロバ', '相互フォロー', '相互希望', 'フォロー返し'),
  ...hashtags('ja', '#TFBJP'),
  ...script('ko', '맞팔', '선팔'),
  ...script('zh', '互粉', '互关', '互關', '回粉'),
];

/**
 * Words that, shortly before a phrase in the same clause, mean the opposite:
 * "I don't follow back", "no F4F", "não sigo de volta", "pas de follow back".
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'no', 'not', 'never', 'dont', 'don', 'doesnt', 'doesn', 'won', 'wont', 'cannot', 'nor', 'without',
  'nao', 'nunca', 'jamas', 'nem',
  'nicht', 'kein', 'keine', 'nie',
  'pas', 'jamais', 'sans',
  'non', 'mai',
  'tidak', 'gak', 'ga',
  'не', 'нет',
]);

/** Right after a script phrase, these mean the opposite: "フォロバしません", "相互フォローお断り", "맞팔 안해요". */
export const SCRIPT_NEGATION_SUFFIX = /^\s*(?:は|を)?\s*(?:しません|しない|しないです|お断り|おことわり|不要|なし|無し|禁止|안|사절|금지)/u;
/** Right before a script phrase: "不互粉", "非互关". */
export const SCRIPT_NEGATION_PREFIX = /(?:不|非|拒绝|拒絕|禁止)\s*$/u;
