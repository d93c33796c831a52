package io.tapintercom.fake;

import java.util.SplittableRandom;

/**
 * Spreads created_at/updated_at over the two years before "now", with the shapes that break naive incremental syncs:
 * bulk updates sharing one second (the biggest one exactly on a UTC midnight), updates within seconds of UTC midnight,
 * records never updated since creation, and growth skewed towards recent months.
 */
final class TimelineGenerator {
    static final int DAY = 86_400;
    private static final int SPAN = 730 * DAY;
    private static final int MAX_CLUSTERS = 12;

    private TimelineGenerator() {
    }

    record Timeline(int[] createdAt, int[] updatedAt) {
    }

    static Timeline generate(long seed, int kind, int count, long nowEpochSecond) {
        int now = (int) nowEpochSecond;
        int start = now - SPAN;
        int[] created = new int[count];
        int[] updated = new int[count];
        SplittableRandom rnd = new SplittableRandom(Mix.hash(seed, kind, 0x71E11EL));
        int[] clusters = clusterInstants(rnd, start, now, Math.max(2, Math.min(MAX_CLUSTERS, count / 2000)));
        for (int i = 0; i < count; i++) {
            // sqrt skews creation towards the recent end, as a growing workspace would.
            int c = start + (int) (Math.sqrt(rnd.nextDouble()) * (SPAN - 3600));
            created[i] = c;
            double shape = rnd.nextDouble();
            int u;
            if (shape < 0.03) {
                u = clusters[0];
            } else if (shape < 0.06) {
                u = clusters[1 + rnd.nextInt(clusters.length - 1)];
            } else if (shape < 0.10) {
                u = nearMidnight(rnd, c, now);
            } else if (shape < 0.20) {
                u = c;
            } else {
                u = c + (int) (Math.sqrt(rnd.nextDouble()) * (now - c));
            }
            updated[i] = Math.min(now, Math.max(c, u));
        }
        return new Timeline(created, updated);
    }

    /** One monotonically increasing timeline (activity logs): evenly spread, a few same-second bursts. */
    static int[] ascending(long seed, int kind, int count, long nowEpochSecond) {
        int now = (int) nowEpochSecond;
        int[] out = new int[count];
        SplittableRandom rnd = new SplittableRandom(Mix.hash(seed, kind, 0xA5CE7DL));
        long t = now - (long) SPAN / 4;
        long step = Math.max(1, ((long) SPAN / 4) / Math.max(1, count));
        for (int i = 0; i < count; i++) {
            if (i == 0 || rnd.nextInt(10) != 0) {
                t += 1 + rnd.nextLong(2 * step);
            }
            out[i] = (int) Math.min(now, t);
        }
        return out;
    }

    static int dayStart(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, DAY) * DAY;
    }

    private static int[] clusterInstants(SplittableRandom rnd, int start, int now, int count) {
        int[] out = new int[count];
        // The largest bulk update lands exactly on a UTC midnight, where day-granular contact search is most fragile.
        out[0] = dayStart(now - DAY * (30 + rnd.nextInt(60)));
        for (int i = 1; i < count; i++) {
            out[i] = start + SPAN / 2 + rnd.nextInt(SPAN / 2 - 60);
        }
        return out;
    }

    private static int nearMidnight(SplittableRandom rnd, int created, int now) {
        int firstDay = dayStart(created) / DAY + 1;
        int lastDay = dayStart(now) / DAY;
        if (lastDay < firstDay) {
            return created;
        }
        int day = firstDay + rnd.nextInt(lastDay - firstDay + 1);
        return day * DAY + rnd.nextInt(181) - 90;
    }
}
