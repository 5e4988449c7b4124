// The words generated records are named with. Coupon codes are one of COUPON_WORDS followed by
// the discount (`WINTER15`), so a code made of another word is never taken by the seed.

export const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farah', 'George', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Oscar', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tessa', 'Umar', 'Vera', 'Wim', 'Yara', 'Zoe'];
export const LAST_NAMES = ['Almeida', 'Brooks', 'Carvalho', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jansen', 'Kowalski', 'Lopes', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Urbano', 'Varga', 'Weber', 'Young', 'Zimmer'];
export const COMPANIES = ['Brightside Labs', 'Cobalt & Co', 'Dune Studio', 'Evergreen Goods', 'Fjord Media', 'Granite Works', 'Harbour Coffee', 'Indigo Print', 'Juniper Health', 'Kestrel Bikes'];
export const PAGE_TITLES = ['Design Sprint', 'Logo Refresh', 'Website Review', 'Copywriting Pack', 'Photo Session', 'Coaching Call', 'Strategy Day', 'Pitch Deck Polish', 'SEO Starter', 'Newsletter Setup', 'Social Media Kit', 'Team Workshop', 'Mentoring Month', 'Portfolio Review', 'Brand Guidelines'];
export const PRODUCT_TITLES = ['Gift wrap', 'Printed workbook', 'Extra revision round', 'Priority support', 'Template library', 'Follow-up call', 'Recording access', 'Sticker pack'];
export const EVENT_TITLES = ['Product Meetup', 'Design Night', 'Founders Breakfast', 'UX Summit', 'Marketing Masterclass', 'Growth Workshop', 'Community Day', 'Tech Talks'];
export const CITIES = ['Lisbon', 'Porto', 'London', 'Berlin', 'Madrid', 'Paris', 'Dublin', 'Amsterdam'];
export const FORM_TITLES = ['Request a quote', 'Join the waitlist', 'Book a discovery call', 'Feedback survey', 'Partner application', 'Speaker application', 'Newsletter sign-up', 'Contact us'];
export const COUPON_WORDS = ['WINTER', 'FRIENDS', 'VIP', 'EARLYBIRD', 'THANKS', 'STUDENT', 'TEAM', 'LOYAL', 'FLASH', 'BUNDLE', 'HOLIDAY', 'NEWYEAR'];
export const THEME_NAMES = ['Midnight', 'Ocean', 'Forest', 'Sunset', 'Paper', 'Slate', 'Coral', 'Sand', 'Ivory', 'Dusk', 'Mint', 'Plum'];
export const WEBHOOK_NAMES = ['CRM sync', 'Accounting export', 'Slack alerts', 'Fulfilment', 'Analytics', 'Email list', 'Door app', 'Data warehouse'];

export const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
