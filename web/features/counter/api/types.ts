export type {
  BookableDay,
  CounterDay,
  CounterFigures,
  RequestStatus,
  ServiceItem,
  ServiceRequest,
  ServiceRequestDetail,
} from "../../../../contracts/counter.ts";
