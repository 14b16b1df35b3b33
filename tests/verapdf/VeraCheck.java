import java.io.FileInputStream;
import java.io.InputStream;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Validates PDF files against a veraPDF profile (default: PDF/UA-1) through the veraPDF API.
 * Prints one line per file: "FILE<TAB>compliant|non-compliant<TAB>failed-rule-count", then one line
 * per failed rule: "  RULE<TAB>clause-test<TAB>count<TAB>message". Exit code 0 if every file is compliant.
 */
public final class VeraCheck {
    public static void main(String[] args) throws Exception {
        String flavourName = System.getProperty("flavour", "ua1");
        VeraGreenfieldFoundryProvider.initialise();
        PDFAFlavour flavour = PDFAFlavour.fromString(flavourName);
        boolean allCompliant = true;
        for (String path : args) {
            try (InputStream in = new FileInputStream(path);
                 PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
                java.util.Map<String, String> messages = new java.util.HashMap<>();
                for (TestAssertion assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                        String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
                        counts.merge(rule, 1, Integer::sum);
                        messages.putIfAbsent(rule, assertion.getMessage() + " @ " + assertion.getLocation().getContext());
                    }
                }
                System.out.println(path + "\t" + (result.isCompliant() ? "compliant" : "non-compliant") + "\t" + counts.size());
                for (java.util.Map.Entry<String, Integer> e : counts.entrySet()) {
                    System.out.println("  " + e.getKey() + "\t" + e.getValue() + "\t" + messages.get(e.getKey()));
                }
                allCompliant &= result.isCompliant();
            }
        }
        System.exit(allCompliant ? 0 : 1);
    }
}
