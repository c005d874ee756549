// Open311 GeoReport v2 conformance, built from the specification's own examples (GeoReport v2, wiki.open311.org):
// the element names of each example answer, its form-encoded POST, its error format; then the problem loop behind
// it (accepted, assigned, resolved by staff → closed with the resolution in status_notes) and the refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

const BASE = "/api/open311/v2";

// The specification's examples, as its pages print them (element names and order; the values are the city's).
const specServicesXml = `<?xml version="1.0" encoding="utf-8"?>
<services>
  <service>
    <service_code>001</service_code>
    <service_name>Cans left out 24x7</service_name>
    <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
    <metadata>true</metadata>
    <type>realtime</type>
    <keywords>lorem, ipsum, dolor</keywords>
    <group>sanitation</group>
  </service>
</services>`;
const specDefinitionJson = {
  service_code: "DMV66",
  attributes: [
    {
      variable: true,
      code: "WHISHETN",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: null,
      order: 1,
      description: "What is the ticket/tag/DL number?",
      values: [{ key: 123, name: "Ford" }],
    },
  ],
};
const specPostForm =
  "api_key=xyz&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street" +
  "&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith" +
  "&phone=111111111&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Fwww.example.com%2Fmedia%2Fimage.jpg";
const specPostAnswerJson = [{ service_request_id: 293944, service_notice: "The City will inspect…", account_id: null }];
const specRequestJson = {
  service_request_id: 638344,
  status: "closed",
  status_notes: "Duplicate request.",
  service_name: "Sidewalk and Curb Issues",
  service_code: 6,
  description: null,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: "2010-04-14T06:37:38-08:00",
  updated_datetime: "2010-04-14T06:37:38-08:00",
  expected_datetime: "2010-04-15T06:37:38-08:00",
  address: "8TH AVE and JUDAH ST",
  address_id: 545483,
  zipcode: 94122,
  lat: 37.762221815,
  long: -122.4651145,
  media_url: "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg",
};
const specErrorsXml = `<?xml version="1.0" encoding="utf-8"?>
<errors>
  <error>
    <code>403</code>
    <description>Invalid api_key received -- can't proceed with create_request.</description>
  </error>
</errors>`;

/** The element names directly inside the first `<item>` of an XML answer, in order. */
function childNames(xml: string, item: string): string[] {
  const inner = new RegExp(`<${item}>([\\s\\S]*?)</${item}>`).exec(xml)?.[1] ?? "";
  const names: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([a-z_]+)>/g)) {
    if (m[1] === "/") depth--;
    else {
      if (depth === 0) names.push(m[2]);
      depth++;
    }
  }
  return names;
}

describe(`Open311 GeoReport v2 on the problem loop (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let staff: Session;
  let stationId: number;
  let key: string;
  const form = (body: string, format = "json") =>
    t.as(null, {
      method: "POST",
      url: `${BASE}/requests.${format}`,
      payload: body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  const count = async (table: "problems" | "open311_requests" | "audit_log") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ours = (extra = "") =>
    specPostForm
      .replace("api_key=xyz", `api_key=${encodeURIComponent(key)}`)
      .replace("service_code=001", "service_code=facility")
      .replace("phone=111111111", "phone=13800138000") + extra;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login("admin");
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
    const created = await t.as(admin, { method: "POST", url: "/api/interop/api-keys", payload: { name: "区网格化平台", stationId } });
    expect(created.statusCode).toBe(201);
    key = created.json().key;
  });
  afterAll(() => t.close());

  it("keeps only the key's hash; lists it with its prefix, for the platform admin only", async () => {
    expect(key).toMatch(/^dd311_[A-Za-z0-9_-]{32}$/);
    const row = await t.database.db.selectFrom("interop_api_keys").selectAll().executeTakeFirstOrThrow();
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key);
    const list = await t.as(admin, { method: "GET", url: "/api/interop/api-keys" });
    expect(list.json()[0]).toMatchObject({ name: "区网格化平台", prefix: key.slice(0, 10), status: "active", stationId });
    expect(JSON.stringify(list.json())).not.toContain(key);
    expect((await t.as(staff, { method: "GET", url: "/api/interop/api-keys" })).statusCode).toBe(403);
    const bad = await t.as(admin, { method: "POST", url: "/api/interop/api-keys", payload: { name: "x", stationId: 999999 } });
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad)).toEqual(["name"]);
  });

  it("lists the categories as services with the specification's elements, in JSON and XML", async () => {
    const json = await t.as(null, { method: "GET", url: `${BASE}/services.json` });
    expect(json.statusCode).toBe(200);
    expect(json.headers["content-type"]).toContain("application/json");
    const services = json.json();
    const facility = services.find((s: { service_code: string }) => s.service_code === "facility");
    expect(Object.keys(facility)).toEqual(childNames(specServicesXml, "service"));
    expect(facility).toMatchObject({ service_name: "设施维修", metadata: true, type: "realtime" });
    const xml = await t.as(null, { method: "GET", url: `${BASE}/services.xml` });
    expect(xml.headers["content-type"]).toContain("text/xml");
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')).toBe(true);
    expect(childNames(xml.body, "service")).toEqual(childNames(specServicesXml, "service"));
    const en = await t.as(null, { method: "GET", url: `${BASE}/services.json`, headers: { "accept-language": "en" } });
    expect(en.json().find((s: { service_code: string }) => s.service_code === "facility").service_name).toBe("Facility repair");
  });

  it("defines a service by its attributes, as the specification's definition example", async () => {
    const res = await t.as(null, { method: "GET", url: `${BASE}/services/facility.json` });
    expect(res.statusCode).toBe(200);
    const def = res.json();
    expect(Object.keys(def)).toEqual(Object.keys(specDefinitionJson));
    const specAttribute = Object.keys(specDefinitionJson.attributes[0]).filter((k) => k !== "values");
    for (const a of def.attributes) expect(Object.keys(a)).toEqual(specAttribute);
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(["TITLE", "PLACE", "TIME_LIMIT"]);
    expect(def.attributes[2]).toMatchObject({ variable: false, description: "交办责任单位后 7 天内办结" });
    const xml = await t.as(null, { method: "GET", url: `${BASE}/services/facility.xml` });
    expect(xml.body).toContain("<service_definition><service_code>facility</service_code><attributes><attribute><variable>true</variable>");
    const missing = await t.as(null, { method: "GET", url: `${BASE}/services/nope.xml` });
    expect(missing.statusCode).toBe(404);
    expect(childNames(missing.body, "error")).toEqual(childNames(specErrorsXml, "error"));
  });

  it("takes the specification's form-encoded POST as a problem, answers its elements, and reads it back open", async () => {
    const before = await count("problems");
    const res = await form(ours("&attribute[PLACE]=A%E5%8C%BA12%E5%8F%B7"));
    expect(res.statusCode).toBe(201);
    const [answer] = res.json();
    expect(Object.keys(answer)).toEqual(Object.keys(specPostAnswerJson[0]));
    expect(answer.service_request_id).toMatch(/^P\d{8}-\d{5}$/);
    expect(await count("problems")).toBe(before + 1);
    const problem = await t.database.db
      .selectFrom("problems")
      .selectAll()
      .where("code", "=", answer.service_request_id)
      .executeTakeFirstOrThrow();
    expect(problem).toMatchObject({
      station_id: stationId,
      source: "open311",
      status: "submitted",
      category_code: "facility",
      place: "A区12号",
      reporter_name: "smithjohn",
    });
    expect(problem.reporter_phone_enc).not.toContain("13800138000");
    const audit = await t.database.db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "problem.created", actor_name: "Open311 · 区网格化平台" });

    const read = await t.as(null, { method: "GET", url: `${BASE}/requests/${answer.service_request_id}.json` });
    expect(read.statusCode).toBe(200);
    const [request] = read.json();
    expect(Object.keys(request)).toEqual(Object.keys(specRequestJson));
    expect(request).toMatchObject({
      service_request_id: answer.service_request_id,
      status: "open",
      status_notes: "已收到，等待服务站受理",
      service_code: "facility",
      description: "A large sinkhole is destroying the street",
      agency_responsible: null,
      address: "1234 5th street",
      lat: 37.76524078,
      long: -122.4212043,
      media_url: "http://www.example.com/media/image.jpg",
      expected_datetime: null,
    });
    expect(request.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const xml = await t.as(null, { method: "GET", url: `${BASE}/requests/${answer.service_request_id}.xml` });
    expect(childNames(xml.body, "request")).toEqual(Object.keys(specRequestJson));
  });

  it("follows the problem loop: assigned (agency, expected time), then resolved → closed with the resolution", async () => {
    const [answer] = (await form(ours())).json();
    const problem = await t.database.db
      .selectFrom("problems")
      .selectAll()
      .where("code", "=", answer.service_request_id)
      .executeTakeFirstOrThrow();
    const unit = await t.database.db
      .selectFrom("alliance_units")
      .select(["id", "name"])
      .where("station_id", "=", stationId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const step = async (payload: object) => {
      const current = await t.as(staff, { method: "GET", url: `/api/problems/${problem.id}` });
      const res = await t.as(staff, {
        method: "POST",
        url: `/api/problems/${problem.id}/actions`,
        payload: { ...payload, version: current.json().version },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const read = async () => (await t.as(null, { method: "GET", url: `${BASE}/requests/${answer.service_request_id}.json` })).json()[0];
    await step({ action: "accept" });
    expect(await read()).toMatchObject({ status: "open", status_notes: "服务站已受理" });
    await step({ action: "assign", unitId: unit.id });
    const assigned = await read();
    expect(assigned).toMatchObject({ status: "open", status_notes: `已交办${unit.name}`, agency_responsible: unit.name });
    const due = await t.database.db.selectFrom("problems").select("due_at").where("id", "=", problem.id).executeTakeFirstOrThrow();
    expect(assigned.expected_datetime).toBe(`${due.due_at?.slice(0, 19)}Z`);
    await step({ action: "start" });
    expect((await read()).status_notes).toBe(`${unit.name}正在办理`);
    await step({ action: "resolve", note: "已更换破损井盖并回填路面" });
    expect(await read()).toMatchObject({ status: "closed", status_notes: "已解决：已更换破损井盖并回填路面" });
    const en = await t.as(null, {
      method: "GET",
      url: `${BASE}/requests/${answer.service_request_id}.json`,
      headers: { "accept-language": "en" },
    });
    expect(en.json()[0].status_notes).toBe("Resolved: 已更换破损井盖并回填路面");

    const closed = await t.as(null, { method: "GET", url: `${BASE}/requests.json?status=closed` });
    expect(closed.json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(answer.service_request_id);
    const open = await t.as(null, { method: "GET", url: `${BASE}/requests.json?status=open&service_code=facility` });
    expect(open.json().map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(answer.service_request_id);
    const byId = await t.as(null, {
      method: "GET",
      url: `${BASE}/requests.xml?service_request_id=${answer.service_request_id},P00000000-00000`,
    });
    expect(byId.body.match(/<request>/g)).toHaveLength(1);
    const rejected = (await form(ours())).json()[0].service_request_id;
    const rp = await t.database.db.selectFrom("problems").select(["id", "version"]).where("code", "=", rejected).executeTakeFirstOrThrow();
    await t.as(staff, {
      method: "POST",
      url: `/api/problems/${rp.id}/actions`,
      payload: { action: "reject", reason: "重复反映", version: rp.version },
    });
    expect((await t.as(null, { method: "GET", url: `${BASE}/requests/${rejected}.json` })).json()[0]).toMatchObject({
      status: "closed",
      status_notes: "不予受理：重复反映",
    });
  });

  it("refuses a forged or revoked key with 403 in the specification's error format, and writes nothing", async () => {
    const before = [await count("problems"), await count("open311_requests"), await count("audit_log")];
    const forged = await form(ours().replace(`api_key=${encodeURIComponent(key)}`, "api_key=xyz"), "xml");
    expect(forged.statusCode).toBe(403);
    expect(forged.headers["content-type"]).toContain("text/xml");
    expect(childNames(forged.body, "error")).toEqual(childNames(specErrorsXml, "error"));
    expect(forged.body).toContain("<code>403</code><description>api_key: invalid or revoked</description>");
    const json = await form(ours().replace(`api_key=${encodeURIComponent(key)}`, "api_key=xyz"));
    expect(json.json()).toEqual([{ code: 403, description: "api_key: invalid or revoked" }]);

    const other = await t.as(admin, { method: "POST", url: "/api/interop/api-keys", payload: { name: "临时对接", stationId } });
    const revoked = await t.as(admin, { method: "POST", url: `/api/interop/api-keys/${other.json().id}/revoke` });
    expect(revoked.json().status).toBe("revoked");
    expect((await t.as(admin, { method: "POST", url: `/api/interop/api-keys/${other.json().id}/revoke` })).statusCode).toBe(409);
    const after = before[2] + 2; // the key's creation and its revocation
    expect((await form(ours().replace(encodeURIComponent(key), encodeURIComponent(other.json().key)))).statusCode).toBe(403);
    expect([await count("problems"), await count("open311_requests"), await count("audit_log")]).toEqual([before[0], before[1], after]);
  });

  it("answers bad input 400 naming the field, and writes nothing", async () => {
    const before = [await count("problems"), await count("open311_requests")];
    const cases: [string, string][] = [
      [specPostForm.replace("api_key=xyz&", ""), "api_key: required"],
      [ours().replace("service_code=facility&", ""), "service_code: required"],
      [ours().replace("service_code=facility", "service_code=001"), "service_code: no such service (see GET services)"],
      [ours().replace("phone=13800138000", "phone=111111111"), "phone: not a mainland mobile number"],
      [ours().replace(/&description=[^&]*/, ""), "description: required"],
      [ours().replace("lat=37.76524078", "lat=north"), "lat: not a number between -90 and 90"],
      [
        ours().replace(/&lat=[^&]*&long=[^&]*&address_string=[^&]*/, ""),
        "lat: a location is required: lat and long, address_string or address_id",
      ],
      [ours("&attribute[COLOR]=red"), "attribute[COLOR]: no such attribute (see GET services/{code})"],
      [ours("&description=again"), "description: given more than once"],
      [ours().replace("media_url=http", "media_url=javascript"), "media_url: not an http(s) URL"],
    ];
    for (const [body, description] of cases) {
      const res = await form(body);
      expect(res.statusCode, description).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description }]);
    }
    const nul = await form(ours("&attribute[TITLE]=%00x"));
    expect(nul.statusCode).toBe(400);
    expect(nul.json()[0].description).toContain("attribute[TITLE]");
    const json = await t.as(null, {
      method: "POST",
      url: `${BASE}/requests.json`,
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()[0].code).toBe(400);
    expect((await t.as(null, { method: "GET", url: `${BASE}/requests.json?status=pending` })).json()).toEqual([
      { code: 400, description: "status: open, closed or both" },
    ]);
    expect((await t.as(null, { method: "GET", url: `${BASE}/requests.json?start_date=yesterday` })).statusCode).toBe(400);
    expect((await t.as(null, { method: "GET", url: `${BASE}/requests/P00000000-00000.json` })).statusCode).toBe(404);
    expect((await t.as(null, { method: "GET", url: `${BASE}/services.html` })).statusCode).toBe(404);
    expect([await count("problems"), await count("open311_requests")]).toEqual(before);
  });

  it("takes a JSON body as well", async () => {
    const res = await t.as(null, {
      method: "POST",
      url: `${BASE}/requests.json`,
      payload: {
        api_key: key,
        service_code: "sanitation",
        address_string: "天源市场东门",
        description: "垃圾桶满溢",
        lat: 43.8,
        long: 87.6,
      },
    });
    expect(res.statusCode).toBe(201);
    const [request] = (await t.as(null, { method: "GET", url: `${BASE}/requests/${res.json()[0].service_request_id}.json` })).json();
    expect(request).toMatchObject({ service_name: "环境卫生", address: "天源市场东门", lat: 43.8, long: 87.6 });
  });
});
