/** The part of lunar-javascript (no types of its own) that Rapport uses. */
declare module 'lunar-javascript' {
  export interface SolarDay {
    getYear(): number
    getMonth(): number
    getDay(): number
    getLunar(): LunarDay
    toYmd(): string
  }
  export interface LunarDay {
    getYear(): number
    /** Negative for a leap month. */
    getMonth(): number
    getDay(): number
    getSolar(): SolarDay
  }
  export const Solar: { fromYmd(year: number, month: number, day: number): SolarDay }
  export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDay }
  export const LunarYear: { fromYear(year: number): { getLeapMonth(): number } }
  export const LunarMonth: {
    fromYm(year: number, month: number): { getDayCount(): number } | null
  }
}
