"""Channel services: raw events in, conversations routed to cases, the outbox out."""
