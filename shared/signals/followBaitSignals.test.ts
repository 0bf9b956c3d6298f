import { describe, expect, it } from 'vitest';
import { findFollowBait, followBaitSignals } from './followBaitSignals';

const quotes = (text: string) => findFollowBait(text).map((m) => m.quote);

describe('findFollowBait', () => {
  it.each([
    ['#TeamFollowBack', ['#TeamFollowBack']],
    ['#F4F', ['#F4F']],
    ['f4f', ['F4F']],
    ['Follow back', ['follow back']],
    ['Follow-back-friendly', ['follow back']],
    ['FOLLOW-BACK!!!', ['follow back']],
    ['I always follow back 💯', ['follow back']],
    ['follow ✨ back', ['follow back']],
    ['follow 🔙', ['follow back']],
    ['ＦＯＬＬＯＷ　ＢＡＣＫ', ['follow back']],
    ['FollowBack', ['FollowBack']],
    ['#followforfollow', ['#followforfollow']],
    ['follow for follow', ['follow for follow']],
    ['Follow4Follow', ['Follow4Follow']],
    ['#InstantFollowBack', ['#InstantFollowBack']],
    ['sigo de vuelta', ['sigo de vuelta']],
    ['Te sigo de vuelta 😊', ['te sigo de vuelta']],
    ['sígueme y te sigo', ['sígueme y te sigo']],
    ['SIGUEME Y TE SIGO', ['sígueme y te sigo']],
    ['#SígueMeYTeSigo', ['#SígueMeYTeSigo']],
    ['Si me sigues, te sigo', ['si me sigues te sigo']],
    ['sigo de volta', ['sigo de volta']],
    ['#sdv', ['#sdv']],
    ['Me segue que eu sigo', ['me segue que eu sigo']],
    ['Ich folge zurück', ['folge zurück']],
    ['folge zurueck', ['folge zurueck']],
    ['FOLGE ZURUCK', ['folge zurück']],
    ['je follow back', ['follow back']],
    ["Abonne-toi, je m'abonne", ['abonne toi je m abonne']],
    ['seguo chi mi segue', ['seguo chi mi segue']],
    ['follback ya kak', ['follback']],
    ['Geri takip', ['geri takip']],
    ['взаимная подписка', ['взаимная подписка']],
    ['フォロバ100%', ['フォロバ']],
    ['ﾌｫﾛﾊﾞ100', ['フォロバ']],
    ['相互フォロー歓迎', ['相互フォロー']],
    ['#TFBJP', ['#TFBJP']],
    ['맞팔 환영', ['맞팔']],
    ['互粉', ['互粉']],
    ['F4F and #FollowBack', ['F4F', '#FollowBack']],
  ])('finds %j', (text, expected) => {
    expect(quotes(text)).toEqual(expected);
  });

  it.each([
    'I follow backend news',
    'Back-end engineer. I follow back-end frameworks closely.',
    'Follow me back to 1999 (a podcast)',
    'Following backwards compatibility debates',
    'My cat follows me back and forth',
    '#f4fitness coach',
    'sdv',
    'IFB',
    'Persigo de vueltas al parque',
    'フォローはご自由に',
    "I don't follow back",
    'I do not follow back, sorry',
    'Never follow back.',
    'No F4F',
    'Não sigo de volta',
    'pas de follow back',
    'フォロバしません',
    '相互フォローお断り',
    '맞팔 안해요',
    '不互粉',
  ])('ignores %j', (text) => {
    expect(quotes(text)).toEqual([]);
  });

  it('does not let a negation reach across sentences or emoji', () => {
    expect(quotes('No DMs. Follow back always')).toEqual(['follow back']);
    expect(quotes('No DMs, follow back always')).toEqual(['follow back']);
    expect(quotes('No DMs 🚫 follow back')).toEqual(['follow back']);
  });

  it('does not split a phrase across punctuation', () => {
    expect(quotes('I follow. Back in 5 min')).toEqual([]);
    expect(quotes('Where I follow! Back soon')).toEqual([]);
  });

  it('reports overlapping phrases once, the longest first', () => {
    expect(quotes('te sigo de vuelta y sígueme y te sigo')).toEqual(['te sigo de vuelta', 'sígueme y te sigo']);
  });
});

describe('followBaitSignals', () => {
  it('quotes the first phrase and lists all distinct ones, saying where they are', () => {
    const [signal, ...rest] = followBaitSignals({ displayName: 'Ana | F4F', bio: 'follow back · #F4F · f4f' });
    expect(rest).toEqual([]);
    expect(signal).toEqual({
      id: 'follow-bait',
      tone: 'caution',
      label: 'Says “F4F”',
      detail: 'Follow-for-follow wording in the name and bio: “F4F”, “follow back”.',
    });
  });

  it('is silent for an innocent profile', () => {
    expect(followBaitSignals({ displayName: 'Back End Bob', bio: 'I follow backend news' })).toEqual([]);
  });
});
