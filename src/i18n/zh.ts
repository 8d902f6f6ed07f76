import type * as en from './en.js';
import type { Strings } from './types.js';

export const common: Strings<typeof en.common> = {
  loading: '加载中…',
  retry: '重试',
  error: '错误',
  close: '关闭',
  siteNotFound: '未找到观测站“{site}”。',
  invalidLatitude: '纬度必须是 −90 到 90 之间的数字（收到“{value}”）。',
  invalidLongitude: '经度必须是 −180 到 180 之间的数字（收到“{value}”）。',
  invalidElevation: '海拔必须是以米为单位的数字（收到“{value}”）。',
  invalidTimeZone: '未知时区“{value}”。请使用 IANA 名称，例如 Asia/Shanghai。',
  invalidDate: '无效日期“{value}”。请使用 ISO 日期，例如 2026-03-21。',
  invalidNow: 'now 的时刻“{value}”无效。请使用 ISO 日期时间，例如 2026-03-21T22:00:00Z。',
  noSite: '没有观测站：请设置 site 属性（名称、IAU 代码或 UUID）或经纬度。',
  offsetFromLongitude: '时间为 {offset}（时区未知；由经度推算）。',
};
