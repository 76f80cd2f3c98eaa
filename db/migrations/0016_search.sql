-- Search over the register (names, descriptions, references, vendors, customers): an FTS5 index with
-- the trigram tokenizer, so that any fragment of three characters or more matches ("ixor" finds
-- IxorDocs, "eeters" Boekhoudkantoor Peeters). Triggers keep it in step with every write, whatever
-- the path (API, admin, imports, corrections, the lifecycle), inside the write's own transaction.
-- search_entries gives each entity an integer rowid (the index's key) and the label a result shows.
CREATE TABLE `search_entries` (
	`rowid` integer PRIMARY KEY,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL UNIQUE,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `processing_activities_search_insert` AFTER INSERT ON `processing_activities` BEGIN
  INSERT INTO search_entries (kind, entity_id, label) VALUES ('activity', new.id, coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.nl'), json_extract(new.name, '$.fr'), ''));
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.purposes) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.subject_matter) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.nature) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `processing_activities_search_update` AFTER UPDATE ON `processing_activities` BEGIN
  UPDATE search_entries SET label = coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.nl'), json_extract(new.name, '$.fr'), '') WHERE entity_id = new.id;
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.purposes) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.subject_matter) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.nature) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `processing_activities_search_delete` AFTER DELETE ON `processing_activities` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  DELETE FROM search_entries WHERE entity_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, entity_id, label) SELECT 'activity', r.id, coalesce(json_extract(r.name, '$.en'), json_extract(r.name, '$.nl'), json_extract(r.name, '$.fr'), '') FROM `processing_activities` r;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT (SELECT rowid FROM search_entries WHERE entity_id = r.id), coalesce((select group_concat(value, ' ') from json_tree(r.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(r.purposes) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(r.subject_matter) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(r.nature) where type = 'text'), '') FROM `processing_activities` r;
--> statement-breakpoint
CREATE TRIGGER `sub_processors_search_insert` AFTER INSERT ON `sub_processors` BEGIN
  INSERT INTO search_entries (kind, entity_id, label) VALUES ('sub_processor', new.id, new.legal_name);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), new.legal_name, coalesce(new.reference, '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.service) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.processing_description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `sub_processors_search_update` AFTER UPDATE ON `sub_processors` BEGIN
  UPDATE search_entries SET label = new.legal_name WHERE entity_id = new.id;
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), new.legal_name, coalesce(new.reference, '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.service) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.processing_description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `sub_processors_search_delete` AFTER DELETE ON `sub_processors` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  DELETE FROM search_entries WHERE entity_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, entity_id, label) SELECT 'sub_processor', r.id, r.legal_name FROM `sub_processors` r;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT (SELECT rowid FROM search_entries WHERE entity_id = r.id), r.legal_name, coalesce(r.reference, '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(r.service) where type = 'text'), '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(r.processing_description) where type = 'text'), '') FROM `sub_processors` r;
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers` BEGIN
  INSERT INTO search_entries (kind, entity_id, label) VALUES ('customer', new.id, new.legal_name);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), new.legal_name, coalesce(new.reference, '') || ' ' || coalesce(new.company_number, '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.contact) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE ON `customers` BEGIN
  UPDATE search_entries SET label = new.legal_name WHERE entity_id = new.id;
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), new.legal_name, coalesce(new.reference, '') || ' ' || coalesce(new.company_number, '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(new.contact) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  DELETE FROM search_entries WHERE entity_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, entity_id, label) SELECT 'customer', r.id, r.legal_name FROM `customers` r;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT (SELECT rowid FROM search_entries WHERE entity_id = r.id), r.legal_name, coalesce(r.reference, '') || ' ' || coalesce(r.company_number, '') || ' ' || coalesce((select group_concat(value, ' ') from json_tree(r.contact) where type = 'text'), '') FROM `customers` r;
--> statement-breakpoint
CREATE TRIGGER `agreements_search_insert` AFTER INSERT ON `agreements` BEGIN
  INSERT INTO search_entries (kind, entity_id, label) VALUES ('agreement', new.id, new.reference);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), new.reference, coalesce((select legal_name from customers where id = new.customer_id), '') || ' ' || new.version);
END;
--> statement-breakpoint
CREATE TRIGGER `agreements_search_update` AFTER UPDATE ON `agreements` BEGIN
  UPDATE search_entries SET label = new.reference WHERE entity_id = new.id;
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), new.reference, coalesce((select legal_name from customers where id = new.customer_id), '') || ' ' || new.version);
END;
--> statement-breakpoint
CREATE TRIGGER `agreements_search_delete` AFTER DELETE ON `agreements` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  DELETE FROM search_entries WHERE entity_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, entity_id, label) SELECT 'agreement', r.id, r.reference FROM `agreements` r;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT (SELECT rowid FROM search_entries WHERE entity_id = r.id), r.reference, coalesce((select legal_name from customers where id = r.customer_id), '') || ' ' || r.version FROM `agreements` r;
--> statement-breakpoint
CREATE TRIGGER `data_categories_search_insert` AFTER INSERT ON `data_categories` BEGIN
  INSERT INTO search_entries (kind, entity_id, label) VALUES ('data_category', new.id, coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.nl'), json_extract(new.name, '$.fr'), ''));
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `data_categories_search_update` AFTER UPDATE ON `data_categories` BEGIN
  UPDATE search_entries SET label = coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.nl'), json_extract(new.name, '$.fr'), '') WHERE entity_id = new.id;
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `data_categories_search_delete` AFTER DELETE ON `data_categories` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  DELETE FROM search_entries WHERE entity_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, entity_id, label) SELECT 'data_category', r.id, coalesce(json_extract(r.name, '$.en'), json_extract(r.name, '$.nl'), json_extract(r.name, '$.fr'), '') FROM `data_categories` r;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT (SELECT rowid FROM search_entries WHERE entity_id = r.id), coalesce((select group_concat(value, ' ') from json_tree(r.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(r.description) where type = 'text'), '') FROM `data_categories` r;
--> statement-breakpoint
CREATE TRIGGER `subject_categories_search_insert` AFTER INSERT ON `subject_categories` BEGIN
  INSERT INTO search_entries (kind, entity_id, label) VALUES ('subject_category', new.id, coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.nl'), json_extract(new.name, '$.fr'), ''));
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `subject_categories_search_update` AFTER UPDATE ON `subject_categories` BEGIN
  UPDATE search_entries SET label = coalesce(json_extract(new.name, '$.en'), json_extract(new.name, '$.nl'), json_extract(new.name, '$.fr'), '') WHERE entity_id = new.id;
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `subject_categories_search_delete` AFTER DELETE ON `subject_categories` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  DELETE FROM search_entries WHERE entity_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, entity_id, label) SELECT 'subject_category', r.id, coalesce(json_extract(r.name, '$.en'), json_extract(r.name, '$.nl'), json_extract(r.name, '$.fr'), '') FROM `subject_categories` r;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT (SELECT rowid FROM search_entries WHERE entity_id = r.id), coalesce((select group_concat(value, ' ') from json_tree(r.name) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(r.description) where type = 'text'), '') FROM `subject_categories` r;
--> statement-breakpoint
CREATE TRIGGER `security_measures_search_insert` AFTER INSERT ON `security_measures` BEGIN
  INSERT INTO search_entries (kind, entity_id, label) VALUES ('security_measure', new.id, coalesce(json_extract(new.title, '$.en'), json_extract(new.title, '$.nl'), json_extract(new.title, '$.fr'), ''));
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.title) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `security_measures_search_update` AFTER UPDATE ON `security_measures` BEGIN
  UPDATE search_entries SET label = coalesce(json_extract(new.title, '$.en'), json_extract(new.title, '$.nl'), json_extract(new.title, '$.fr'), '') WHERE entity_id = new.id;
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  INSERT INTO search_index (rowid, title, body) VALUES ((SELECT rowid FROM search_entries WHERE entity_id = new.id), coalesce((select group_concat(value, ' ') from json_tree(new.title) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(new.description) where type = 'text'), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `security_measures_search_delete` AFTER DELETE ON `security_measures` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_entries WHERE entity_id = old.id);
  DELETE FROM search_entries WHERE entity_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, entity_id, label) SELECT 'security_measure', r.id, coalesce(json_extract(r.title, '$.en'), json_extract(r.title, '$.nl'), json_extract(r.title, '$.fr'), '') FROM `security_measures` r;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body) SELECT (SELECT rowid FROM search_entries WHERE entity_id = r.id), coalesce((select group_concat(value, ' ') from json_tree(r.title) where type = 'text'), ''), coalesce((select group_concat(value, ' ') from json_tree(r.description) where type = 'text'), '') FROM `security_measures` r;
