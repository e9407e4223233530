// The calibration targets' sources in the interface's words. The targets table names them in
// English (with a few Chinese office names); this table gives each a Chinese wording and an
// English one without Chinese characters. A source missing here is shown as written.
import type { Lang } from '../i18n/i18n.ts';

/** Source as the targets table writes it → its wording in 中文 and English. */
export const SOURCE_LABELS: Readonly<Record<string, { zh: string; en?: string }>> = {
  'derived from official 2016 bulletin': { zh: '由 2016 年官方统计公报推算' },
  'derived from official 2018': { zh: '由 2018 年官方数据推算' },
  'derived from official 2020': { zh: '由 2020 年官方数据推算' },
  'derived from official 2020 bulletin': { zh: '由 2020 年官方统计公报推算' },
  'derived from official 2021': { zh: '由 2021 年官方数据推算' },
  'derived from official 2022 bulletin': { zh: '由 2022 年官方统计公报推算' },
  'derived from official interim 2022': { zh: '由 2022 年官方阶段性数据推算' },
  'official': { zh: '官方数据' },
  'official (2023 provincial S&T work conference)': { zh: '官方（2023 年四川省科技工作会议）' },
  'official (CCTV caption)': { zh: '官方（央视新闻字幕）' },
  'official (Chengdu S&T bureau review)': { zh: '官方（成都市科技局工作回顾）' },
  'official (China Daily zone profile)': { zh: '官方（《中国日报》高新区介绍）' },
  'official (end of 13th FYP)': { zh: '官方（“十三五”末总结）' },
  "official (mayor's press conference 2022)": { zh: '官方（2022 年重庆市长新闻发布会）' },
  'official (national R&D bulletin 2020)': { zh: '官方（2020 年全国科技经费投入统计公报）' },
  'official (national S&T SME registry)': { zh: '官方（全国科技型中小企业信息库）' },
  'official (national bulletin via 市科技局)': { zh: '官方（全国统计公报，经重庆市科技局发布）', en: 'official (national bulletin via the Chongqing S&T Bureau)' },
  'official (provincial S&T department)': { zh: '官方（四川省科技厅）' },
  'official (provincial statistics bureau)': { zh: '官方（省统计局）' },
  'official (zone work conference 2023)': { zh: '官方（2023 年高新区工作会议）' },
  'official (zone work report; machine-translated repost)': { zh: '官方（高新区工作报告；机器翻译的转载）' },
  'official (市科技局 press conference 2023)': { zh: '官方（2023 年重庆市科技局新闻发布会）', en: 'official (Chongqing S&T Bureau press conference 2023)' },
  'official (市科技局 via NBD)': { zh: '官方（重庆市科技局，经《每日经济新闻》）', en: 'official (Chongqing S&T Bureau, via National Business Daily)' },
  'official (市统计局 report)': { zh: '官方（重庆市统计局报告）', en: 'official (Chongqing Statistics Bureau report)' },
  'official bulletin 2016': { zh: '2016 年官方统计公报' },
  'official bulletin 2020': { zh: '2020 年官方统计公报' },
  'official bulletin 2021': { zh: '2021 年官方统计公报' },
  'official bulletin 2022': { zh: '2022 年官方统计公报' },
  'official statistical report 2021': { zh: '2021 年官方统计报告' },
  'paper Section 3.1': { zh: '论文第 3.1 节' },
  'paper Section 3.1 and official 2018': { zh: '论文第 3.1 节及 2018 年官方数据' },
  'paper Section 4.3': { zh: '论文第 4.3 节' },
  'paper Section 5.2 re-dated': { zh: '论文第 5.2 节（年份已更正）' },
  'paper Section 5.4': { zh: '论文第 5.4 节' },
  'paper Table 2': { zh: '论文表 2' },
  'paper Table 4': { zh: '论文表 4' },
};

/** A target's source in `lang`; undefined in 中文 when the table has no wording for it (show the original). */
export function sourceLabel(source: string, lang: Lang): string | undefined {
  const l = SOURCE_LABELS[source];
  if (lang === 'en') return l?.en ?? source;
  return l?.zh;
}
