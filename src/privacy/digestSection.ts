/** /privacy section for the weekly digest: the setting and the weeks posted. */
import { translator } from "../i18n/index.js";
import { type PrivacySection, orNone } from "./sections.js";

type DigestData = {
  setting: {
    channelId: string;
    guildId: string | null;
    day: string;
    hour: number;
    zone: string;
    since: string;
    lastWeek: string | null;
  } | null;
  weeks: { week: string; channelId: string; status: string; createdAt: string }[];
};

export const weeklyDigest: PrivacySection<DigestData> = {
  key: "digest",
  async collect(userId, { store }) {
    const s = await store.digest.setting(userId);
    const weeks = await store.digest.weeks(userId);
    return {
      setting:
        s === undefined
          ? null
          : {
              channelId: s.channelId,
              guildId: s.guildId,
              day: s.day,
              hour: s.hour,
              zone: s.zone,
              since: s.since,
              lastWeek: s.lastWeek,
            },
      weeks: weeks.map((w) => ({
        week: w.week,
        channelId: w.channelId,
        status: w.status,
        createdAt: w.createdAt,
      })),
    };
  },
  describe(data, locale) {
    const tr = translator(locale);
    const lines: string[] = [];
    const s = data.setting;
    if (s !== null)
      lines.push(
        tr("digest.privacySetting", {
          day: tr(`commands.digest.set.day.${s.day}` as "commands.digest.set.day.monday"),
          hour: s.hour,
          zone: s.zone,
          channel: s.channelId,
          last: s.lastWeek ?? tr("digest.privacyNoWeek"),
        }),
      );
    if (data.weeks.length > 0) lines.push(tr("digest.privacyWeeks", { count: data.weeks.length }));
    return [tr("digest.privacyHeading"), ...orNone(lines, tr)];
  },
};
