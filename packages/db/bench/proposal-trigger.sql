-- The proposal's schema for orders and its delivered-count trigger, copied verbatim from
-- ../../../shared/seed/order-tracking-proposal.md (sections 1–3, without its RLS policies, which
-- the assignment benchmark does not exercise). The benchmark installs it in a second database on
-- the same server, loads the same data, and times the same assignments against it.

-- Create order status enum
CREATE TYPE public.order_status AS ENUM (
  'Draft',
  'Active',
  'Paused',
  'Completed',
  'Cancelled'
);

-- Create orders table
CREATE TABLE public.orders (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

  -- Order Identification
  order_number TEXT NOT NULL UNIQUE, -- e.g., "Order 1", "Order 2", "ORD-2025-001"
  client_id UUID NOT NULL REFERENCES public.clients(id) ON DELETE CASCADE,

  -- Order Details
  name TEXT, -- Optional: "Q1 Campaign", "Hiring Blitz", etc.
  description TEXT,

  -- Lead Allocation
  leads_purchased INTEGER NOT NULL DEFAULT 0,
  leads_delivered INTEGER NOT NULL DEFAULT 0,
  leads_remaining INTEGER GENERATED ALWAYS AS (leads_purchased - leads_delivered) STORED,

  -- Delivery Metrics
  target_delivery_date DATE,
  start_date DATE,
  completion_date DATE,

  -- Status & Priority
  status public.order_status DEFAULT 'Draft',
  priority INTEGER DEFAULT 0, -- Higher = more urgent

  -- Metadata
  created_by UUID REFERENCES auth.users(id),
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW(),

  -- Constraints
  CHECK (leads_purchased >= 0),
  CHECK (leads_delivered >= 0),
  CHECK (leads_delivered <= leads_purchased)
);

-- Indexes
CREATE INDEX idx_orders_client_id ON public.orders(client_id);
CREATE INDEX idx_orders_status ON public.orders(status);
CREATE INDEX idx_orders_order_number ON public.orders(order_number);
CREATE INDEX idx_orders_client_status ON public.orders(client_id, status);
CREATE INDEX idx_orders_target_date ON public.orders(target_delivery_date) WHERE target_delivery_date IS NOT NULL;

-- Update trigger
CREATE TRIGGER update_orders_updated_at
  BEFORE UPDATE ON public.orders
  FOR EACH ROW
  EXECUTE FUNCTION public.update_updated_at_column();

-- Add order_id to leads table
ALTER TABLE public.leads
ADD COLUMN order_id UUID REFERENCES public.orders(id) ON DELETE SET NULL;

-- Add index for order queries
CREATE INDEX idx_leads_order_id ON public.leads(order_id);
CREATE INDEX idx_leads_client_order ON public.leads(client_id, order_id);

-- Function to automatically update leads_delivered when leads are assigned to order
CREATE OR REPLACE FUNCTION public.update_order_leads_delivered()
RETURNS TRIGGER
LANGUAGE plpgsql
SECURITY DEFINER
AS $$
BEGIN
  -- When a lead is assigned to an order (order_id changes from NULL to a value)
  IF NEW.order_id IS NOT NULL AND (OLD.order_id IS NULL OR OLD.order_id != NEW.order_id) THEN
    -- Only count leads with status 'Approved' or 'Lead' as delivered
    IF NEW.status IN ('Approved', 'Lead') THEN
      UPDATE public.orders
      SET leads_delivered = (
        SELECT COUNT(*)
        FROM public.leads
        WHERE order_id = NEW.order_id
        AND status IN ('Approved', 'Lead')
      )
      WHERE id = NEW.order_id;
    END IF;
  END IF;

  -- When a lead is removed from an order
  IF OLD.order_id IS NOT NULL AND NEW.order_id IS NULL THEN
    UPDATE public.orders
    SET leads_delivered = (
      SELECT COUNT(*)
      FROM public.leads
      WHERE order_id = OLD.order_id
      AND status IN ('Approved', 'Lead')
    )
    WHERE id = OLD.order_id;
  END IF;

  -- When lead status changes (e.g., from 'New' to 'Approved')
  IF OLD.status != NEW.status AND NEW.order_id IS NOT NULL THEN
    UPDATE public.orders
    SET leads_delivered = (
      SELECT COUNT(*)
      FROM public.leads
      WHERE order_id = NEW.order_id
      AND status IN ('Approved', 'Lead')
    )
    WHERE id = NEW.order_id;
  END IF;

  RETURN NEW;
END;
$$;

-- Create trigger
CREATE TRIGGER update_order_delivery_count
  AFTER INSERT OR UPDATE OF order_id, status ON public.leads
  FOR EACH ROW
  EXECUTE FUNCTION public.update_order_leads_delivered();
