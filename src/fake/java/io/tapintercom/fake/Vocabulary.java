package io.tapintercom.fake;

import java.text.Normalizer;
import java.util.SplittableRandom;

/** Word lists that make generated objects read like a real workspace. All domains are reserved test domains. */
final class Vocabulary {
    static final String[] FIRST_NAMES = {"Aoife", "Ciaran", "Joe", "Maria", "Liam", "Sofia", "Noah", "Emma", "Mateo",
        "Olivia", "Yuki", "Amara", "Lucas", "Chloe", "Ravi", "Ingrid", "Tomás", "Zainab", "Elena", "Kwame", "Hana",
        "Oliver", "Priya", "Jonas", "Fatima", "Diego", "Niamh", "Kenji", "Ava", "Sean", "Léa", "Ahmed", "Grace",
        "Mikkel", "Isabella", "Omar", "Freya", "Chen", "Nadia", "Pablo"};
    static final String[] LAST_NAMES = {"Lee", "Murphy", "Example", "Garcia", "Kelly", "Rossi", "Smith", "Müller",
        "Tanaka", "Okafor", "Silva", "Nguyen", "Byrne", "Patel", "Johansson", "O'Brien", "Kowalski", "Haddad", "Dubois",
        "Mensah", "Novak", "Fischer", "Walsh", "Sato", "Costa", "Larsen", "Ivanova", "Moreau", "Brennan", "Khan"};
    static final String[] COMPANY_WORDS = {"Blue Sun", "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne",
        "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Nakatomi", "Aperture",
        "Black Mesa", "Massive Dynamic", "Pied Piper", "Dunder", "Prestige", "Monarch", "Sterling", "Bluth"};
    static final String[] COMPANY_SUFFIXES = {"Inc", "Ltd", "GmbH", "Labs", "Group", "Systems", "Co", "Analytics",
        "Software", "Logistics"};
    static final String[] INDUSTRIES = {"Software", "Retail", "Healthcare", "Finance", "Education", "Logistics",
        "Manufacturing", "Media", "Travel", "Real Estate"};
    static final String[] PLANS = {"Free", "Starter", "Pro", "Premium", "Enterprise"};
    static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.com",
        "corp.example.org", "test.example.net"};
    /** city, region, country, ISO-3 country code, continent code. */
    static final String[][] LOCATIONS = {
        {"Dublin", "Dublin", "Ireland", "IRL", "EU"},
        {"Cork", "Cork", "Ireland", "IRL", "EU"},
        {"London", "England", "United Kingdom", "GBR", "EU"},
        {"San Francisco", "California", "United States", "USA", "NA"},
        {"New York", "New York", "United States", "USA", "NA"},
        {"Chicago", "Illinois", "United States", "USA", "NA"},
        {"Toronto", "Ontario", "Canada", "CAN", "NA"},
        {"Berlin", "Berlin", "Germany", "DEU", "EU"},
        {"Paris", "Île-de-France", "France", "FRA", "EU"},
        {"Madrid", "Madrid", "Spain", "ESP", "EU"},
        {"São Paulo", "São Paulo", "Brazil", "BRA", "SA"},
        {"Tokyo", "Tokyo", "Japan", "JPN", "AS"},
        {"Sydney", "New South Wales", "Australia", "AUS", "OC"},
        {"Lagos", "Lagos", "Nigeria", "NGA", "AF"},
        {"Bangalore", "Karnataka", "India", "IND", "AS"},
    };
    static final String[] BROWSERS = {"Chrome", "Firefox", "Safari", "Edge"};
    static final String[] BROWSER_VERSIONS = {"80.0.3987.132", "119.0.6045.159", "17.1", "120.0.2210.61", "115.0"};
    static final String[] BROWSER_LANGUAGES = {"en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"};
    static final String[] LANGUAGES = {"en", "de", "fr", "es", "pt", "ja"};
    static final String[] OPERATING_SYSTEMS = {"Mac OS X", "Windows 10", "Windows 11", "Linux", "iOS", "Android"};
    static final String[] ANDROID_DEVICES = {"Pixel 3", "Pixel 8", "Galaxy S23", "OnePlus 11"};
    static final String[] IOS_DEVICES = {"iPhone 11", "iPhone 14", "iPhone 15 Pro", "iPad Air"};
    static final String[] JOB_TITLES = {"Support Engineer", "Customer Success Manager", "Associate", "Team Lead",
        "Head of Support", "Solutions Architect", "Account Executive"};
    static final String[] TEAM_NAMES = {"Support", "Billing", "Onboarding", "Enterprise", "Sales", "Escalations",
        "Tier 2", "APAC", "EMEA", "Product Feedback"};
    static final String[] TAG_WORDS = {"VIP", "Churn risk", "Beta tester", "Feature request", "Bug", "Billing",
        "Onboarding", "Enterprise", "Trial", "Partner", "Escalated", "Feedback", "Upsell", "Integration", "Mobile",
        "Priority", "Renewal", "Refund", "Security", "API"};
    static final String[] SEGMENT_NAMES = {"Active", "New signups", "Slipping away", "Paying customers", "Leads",
        "Power users", "Dormant", "Trialists", "Enterprise accounts", "Mobile users"};
    static final String[] EVENT_NAMES = {"signed-up", "placed-order", "invited-teammate", "exported-report",
        "upgraded-plan", "opened-mobile-app"};
    static final String[] TOPICS = {"billing", "login", "export", "the API", "invoices", "SSO", "notifications",
        "the mobile app", "webhooks", "data import", "pricing", "permissions"};
    static final String[] ARTICLE_TITLES = {"How to %s", "Troubleshooting %s", "Getting started with %s",
        "FAQ: %s", "Understanding %s", "Best practices for %s"};
    static final String[] COLLECTION_NAMES = {"Getting Started", "Account & Billing", "Integrations",
        "Troubleshooting", "Security", "Mobile", "Reporting", "API & Developers", "Administration", "Release Notes"};
    static final String[] REPLIES = {"Thanks for reaching out!", "Could you share a screenshot?",
        "I've escalated this to our engineers.", "That should be fixed now.", "Let me check that for you.",
        "Is there anything else I can help with?", "We've issued a refund.", "Please try clearing your cache.",
        "Okay!", "Here's a link to the relevant article."};
    static final String[] QUESTIONS = {"I can't log in to my account.", "How do I export my data?",
        "My invoice looks wrong.", "The button's not working.", "Can I change my plan?", "Is there an API for this?",
        "The app crashes when I upload a file.", "How do I add a teammate?", "Do you support SSO?",
        "Where can I find my receipts?"};
    static final String[] LOCALES = {"ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he",
        "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "mn", "nb", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv", "tr",
        "vi", "pt-BR", "zh-CN", "zh-TW"};

    private Vocabulary() {
    }

    static String pick(SplittableRandom rnd, String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    static String fullName(long seed, int kind, int index) {
        return FIRST_NAMES[Mix.pick(seed, kind, index, 1, FIRST_NAMES.length)] + " "
                + LAST_NAMES[Mix.pick(seed, kind, index, 2, LAST_NAMES.length)];
    }

    /** Lower-case ASCII local part for an email address. */
    static String emailLocal(String fullName, int index) {
        StringBuilder sb = new StringBuilder(fullName.length() + 8);
        String ascii = Normalizer.normalize(fullName, Normalizer.Form.NFD);
        for (char ch : ascii.toCharArray()) {
            if (ch == ' ') {
                sb.append('.');
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.append(index).toString();
    }

    static String slug(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char ch : text.toLowerCase().toCharArray()) {
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                sb.append(ch);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
