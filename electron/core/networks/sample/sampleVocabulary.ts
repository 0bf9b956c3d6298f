// Word lists for the sample network. Names come from faker's locale data (realistic, many
// scripts); bios and posts are our own short phrases per language, because faker's lorem is
// Latin filler and a board full of "lorem ipsum" would not show how real bios read.
import { faker as fakerAr } from '@faker-js/faker/locale/ar';
import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerEn } from '@faker-js/faker/locale/en';
import { faker as fakerEs } from '@faker-js/faker/locale/es';
import { faker as fakerFr } from '@faker-js/faker/locale/fr';
import { faker as fakerJa } from '@faker-js/faker/locale/ja';
import { faker as fakerPt } from '@faker-js/faker/locale/pt_BR';
import type { Faker } from '@faker-js/faker';

export const SAMPLE_LANGUAGES = ['en', 'es', 'de', 'ja', 'ar', 'fr', 'pt'] as const;
export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number];

/** Share of each language among sample people: mostly English, a real multilingual tail. */
export const LANGUAGE_WEIGHTS: Record<SampleLanguage, number> = {
  en: 55,
  es: 12,
  de: 8,
  ja: 8,
  ar: 6,
  fr: 6,
  pt: 5,
};

export interface LanguageVocabulary {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Whether names are in Latin script, so a handle can be derived from them. */
  latinNames: boolean;
  /** Latin-script handle stems for names in other scripts. */
  handleStems: readonly string[];
  bioOpeners: readonly string[];
  bioInterests: readonly string[];
  postLines: readonly string[];
  replyLines: readonly string[];
}

type NameTree = string[] | { [key: string]: string[] | undefined } | undefined;

/** faker stores names either as a flat list or split by gender; we want them all. */
function flattenNames(tree: NameTree): string[] {
  if (!tree) return [];
  if (Array.isArray(tree)) return tree;
  const all = new Set<string>();
  for (const list of Object.values(tree)) for (const name of list ?? []) all.add(name);
  return [...all];
}

function namesOf(locale: Faker): { first: string[]; last: string[] } {
  const person = locale.rawDefinitions.person;
  const first = flattenNames(person?.first_name as NameTree);
  const last = flattenNames(person?.last_name as NameTree);
  // A locale without data would make pick() throw much later; fail here with the locale named.
  if (first.length === 0 || last.length === 0) throw new Error('faker locale without person names');
  return { first, last };
}

const en = namesOf(fakerEn);
const es = namesOf(fakerEs);
const de = namesOf(fakerDe);
const ja = namesOf(fakerJa);
const ar = namesOf(fakerAr);
const fr = namesOf(fakerFr);
const pt = namesOf(fakerPt);

export const VOCABULARY: Record<SampleLanguage, LanguageVocabulary> = {
  en: {
    firstNames: en.first,
    lastNames: en.last,
    latinNames: true,
    handleStems: [],
    bioOpeners: [
      'Designer by day, baker by night.',
      'Writing about cities, trains and the people who use them.',
      'Backend engineer. Opinions are my cat\'s.',
      'Nurse, runner, terrible gardener.',
      'PhD student in marine biology 🐋',
      'Building small tools for small teams.',
      'Teacher. Reader. Occasional poet.',
      'Product manager learning to say no.',
      'Photographer chasing morning light 📷',
      'Dad of two, coffee of many ☕',
      'Open source maintainer, tired but hopeful.',
      'Freelance illustrator — commissions open.',
      'Climate policy nerd 🌍',
      'I make games nobody asked for.',
    ],
    bioInterests: [
      'Into jazz, hiking and bad puns.',
      'Talking about TypeScript and tea.',
      'Mostly posts about birds 🐦',
      'He/him.',
      'She/her.',
      'They/them.',
      'Views my own.',
      'Based in Leeds.',
      'Based in Toronto.',
      'Portland, OR.',
      'Newsletter in the link.',
    ],
    postLines: [
      'Finally shipped the thing. Time for a nap.',
      'Hot take: meetings should have a price tag.',
      'The sunset tonight was unreal 🌅',
      'Anyone else reading something good this week?',
      'Small wins: fixed a bug that haunted me for a month.',
      'Trying a new bread recipe, wish me luck 🍞',
      'Thread on what I learned moving to a new city 🧵',
      'Grateful for this community today.',
      'Coffee count: 3. Productivity: questionable.',
      'New blog post is up!',
    ],
    replyLines: ['Totally agree with this.', 'Thanks for sharing!', 'Ha, same here.', 'This is great 👏'],
  },
  es: {
    firstNames: es.first,
    lastNames: es.last,
    latinNames: true,
    handleStems: [],
    bioOpeners: [
      'Periodista en Madrid. Café y datos.',
      'Profesora de matemáticas y lectora empedernida 📚',
      'Desarrollador web en Buenos Aires.',
      'Fotógrafa de calle 📷',
      'Amante de la montaña y del buen vino 🍷',
      'Ingeniero, padre y cocinero aficionado.',
      'Estudiante de medicina en Bogotá.',
    ],
    bioInterests: ['Opiniones propias.', 'Hablo de tecnología y fútbol ⚽', 'Viajar es mi idioma.', 'Ciudad de México.'],
    postLines: [
      '¡Por fin viernes! 🎉',
      'Hoy aprendí algo nuevo sobre bases de datos.',
      'Qué bonito atardecer en la costa.',
      '¿Alguien recomienda un buen libro?',
      'Nuevo artículo en el blog.',
    ],
    replyLines: ['¡Totalmente de acuerdo!', 'Gracias por compartir.', 'Jajaja, me pasa igual.'],
  },
  de: {
    firstNames: de.first,
    lastNames: de.last,
    latinNames: true,
    handleStems: [],
    bioOpeners: [
      'Softwareentwicklerin aus Berlin.',
      'Radfahrer, Bücherwurm, Kaffeetrinker ☕',
      'Lehrer für Geschichte und Deutsch.',
      'Architektin mit Liebe zu Beton.',
      'Ich schreibe über Datenschutz und Freiheit.',
      'Hobbygärtner aus Hamburg 🌱',
    ],
    bioInterests: ['Privat hier.', 'Meinungen sind meine eigenen.', 'Wien.', 'München.'],
    postLines: [
      'Endlich Wochenende!',
      'Heute den ganzen Tag Regen, perfekt zum Lesen.',
      'Neuer Blogartikel ist online.',
      'Wer kennt ein gutes Café in Leipzig?',
      'Kleiner Erfolg: Der Test läuft endlich grün ✅',
    ],
    replyLines: ['Sehr guter Punkt!', 'Danke fürs Teilen.', 'Genau so ist es.'],
  },
  ja: {
    firstNames: ja.first,
    lastNames: ja.last,
    latinNames: false,
    handleStems: ['yuki', 'haruto', 'sakura', 'ren', 'aoi', 'hina', 'sora', 'kaito', 'mei', 'riku', 'nana', 'taro'],
    bioOpeners: [
      '東京在住のエンジニアです。',
      '写真とコーヒーが好き ☕',
      'イラストを描いています 🎨',
      '大学院生。海洋生物の研究をしています。',
      'ゲーム開発者。インディーゲーム作ってます。',
      '猫と暮らしています 🐈',
    ],
    bioInterests: ['よろしくお願いします。', '大阪。', '読書と旅行。', '無言フォロー失礼します。'],
    postLines: [
      '今日はいい天気ですね ☀️',
      '新しいブログ記事を書きました。',
      'やっと金曜日！',
      'ラーメン食べたい 🍜',
      '桜がきれいでした 🌸',
    ],
    replyLines: ['ありがとうございます！', 'わかります〜', 'すごい！'],
  },
  ar: {
    firstNames: ar.first,
    lastNames: ar.last,
    latinNames: false,
    handleStems: ['ahmed', 'fatima', 'omar', 'layla', 'yusuf', 'mariam', 'khaled', 'noor', 'hassan', 'salma'],
    bioOpeners: [
      'مهندس برمجيات من القاهرة.',
      'أحب القراءة والقهوة ☕',
      'مصورة فوتوغرافية 📷',
      'طالب طب في عمّان.',
      'كاتب ومترجم.',
    ],
    bioInterests: ['الآراء تمثلني.', 'دبي.', 'الرياض.', 'مهتم بالتقنية والتعليم.'],
    postLines: ['صباح الخير 🌞', 'مقال جديد على المدونة.', 'يوم جميل في المدينة.', 'أخيراً نهاية الأسبوع!'],
    replyLines: ['شكراً للمشاركة!', 'أتفق تماماً.', 'رائع 👏'],
  },
  fr: {
    firstNames: fr.first,
    lastNames: fr.last,
    latinNames: true,
    handleStems: [],
    bioOpeners: [
      'Développeuse à Lyon.',
      'Prof de philo, lecteur compulsif 📚',
      'Journaliste indépendant.',
      'Cycliste du dimanche 🚴',
      'Designer UX à Montréal.',
    ],
    bioInterests: ['Avis personnels.', 'Paris.', 'Bordeaux.', 'Café, code et cinéma.'],
    postLines: [
      'Enfin le week-end !',
      'Nouvel article sur le blog.',
      'Quelqu\'un a un bon livre à conseiller ?',
      'Il pleut, parfait pour coder.',
    ],
    replyLines: ['Tout à fait d\'accord.', 'Merci pour le partage !', 'Exactement.'],
  },
  pt: {
    firstNames: pt.first,
    lastNames: pt.last,
    latinNames: true,
    handleStems: [],
    bioOpeners: [
      'Desenvolvedora em São Paulo.',
      'Professor de história e fã de samba 🎶',
      'Fotógrafo amador 📷',
      'Engenheira de dados, mãe e corredora.',
    ],
    bioInterests: ['Opiniões próprias.', 'Lisboa.', 'Rio de Janeiro.', 'Café e código.'],
    postLines: ['Bom dia! ☀️', 'Novo post no blog.', 'Finalmente sexta-feira!', 'Alguém recomenda um livro?'],
    replyLines: ['Concordo totalmente!', 'Obrigado por compartilhar.', 'Haha, verdade.'],
  },
};

/** Follow-for-follow bait: the reflex follow-backs Rapport exists to make deliberate. */
export const FOLLOW_BAIT_BIOS: readonly string[] = [
  'Follow back 💯 #TeamFollowBack',
  'F4F ✅ I always follow back!',
  '#TeamFollowBack #F4F #FollowTrain 🚂',
  'Follow me & I follow back instantly 🔁',
  'Gain followers fast! Follow all who like & RT 🔥 #F4F',
  '100% follow back. No unfollowers please 🙏',
  'Sígueme y te sigo 🔁 #SDV',
  'フォロバ100% 🔁 #相互フォロー',
];

/** Spammy bios: links, money, crypto, DMs. */
export const SPAM_BIOS: readonly string[] = [
  '💰 Make $5,000/week from home! DM me 📩',
  '🚀 Crypto signals 1000x 🚀 Join my Telegram → t.me/signals',
  'Get 10k followers in 24h!!! cheap-followers.example',
  'Forex trader 📈 Ask me how to earn passive income 💸💸',
  'Hot singles near you 😍 click link in bio',
  'Giveaway!!! Follow + RT to win an iPhone 📱🎁',
];

export const DISPLAY_NAME_EMOJI: readonly string[] = ['🌻', '✨', '🌈', '🐈', '🎧', '🌊', '🔥', '🌱', '☕', '🏳️‍🌈', '🇪🇸', '🇯🇵'];

export const SPAM_POSTS: readonly string[] = [
  'Check my profile for FREE followers 🔥🔥🔥',
  'DM me to learn how I made $10k last month 💸',
  '🚀🚀🚀 next 100x coin, don\'t miss out',
];

export const FOLLOW_BAIT_POSTS: readonly string[] = [
  'Follow everyone who likes this 🔁 #F4F',
  'Drop your handle, I follow back all! #TeamFollowBack',
  'Follow train 🚂 RT + follow all who RT',
];
