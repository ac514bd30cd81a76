-- the regions, as INSERT statements this time
INSERT INTO regions (code, name) VALUES
    ('EU', 'Europe'),
    ('AM', 'The Americas'),
    ('AS', 'Asia'),
    ('AF', 'Africa');
