import type { FastifyReply } from "fastify";

export function sendXlsx(reply: FastifyReply, data: Buffer, fileName: string) {
  return reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .send(data);
}
