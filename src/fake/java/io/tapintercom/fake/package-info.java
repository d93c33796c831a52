/**
 * A deterministic fake of the Intercom REST API (version 2.14) for the tap's offline demo, benchmarks and
 * fault-injection suites. It lives in its own source tree (src/fake/java) and imports nothing of the tap; the
 * tap's only use of it is the --demo command (cli/DemoCommand), which is why it ships in the jar.
 *
 * <pre>{@code
 * FakeOptions options = FakeOptions.small().toBuilder()
 *         .seed(7).rateLimitPer10Seconds(167).serverErrorRate(0.05).clock(new MutableClock(start)).build();
 * try (FakeIntercom fake = FakeIntercom.start(options)) {
 *     String baseUrl = fake.baseUrl();             // http://127.0.0.1:<port>
 *     String token = options.accessToken();        // send as "Authorization: Bearer <token>"
 *     // ... run the tap against baseUrl with "Intercom-Version: 2.14" ...
 *     fake.workspace().touch("contacts", 100, fake.workspace().now().getEpochSecond() + 60);
 *     Map<String, Long> truth = fake.workspace().expected("contacts");
 *     long throttled = fake.stats().rateLimitedResponses();
 * }
 * }</pre>
 *
 * <p>Choices where Intercom's behaviour is undocumented: the Intercom-Version header is required (400
 * intercom_version_invalid otherwise); contact search days are UTC days (the fake workspace's timezone is Etc/UTC);
 * search without a sort uses updated_at descending; the company scroll serves 50 companies a page in creation order;
 * transport faults never advance a scroll, while a scroll failure (500) closes it; activity log bounds are inclusive.
 */
package io.tapintercom.fake;
